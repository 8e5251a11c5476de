/**
 * Two authors change the same course at the same time; their replicas exchange updates in both orders.
 * Whatever the order, nothing is duplicated or lost, bodies keep their text and both replicas read the same.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, deleteSection, moveLesson, moveSection } from './commands'
import { newCourseId } from './ids'
import { lessonBody, readCourse } from './read'
import type { CourseSnapshot, LessonId, SectionId } from './types'

const replicaOf = (source: Y.Doc): Y.Doc => {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(source))
  return replica
}

/** Exchanges the two replicas' concurrent changes, applying them in the given order. */
const merge = (first: Y.Doc, second: Y.Doc, order: 'first-to-second' | 'second-to-first'): void => {
  const fromFirst = Y.encodeStateAsUpdate(first, Y.encodeStateVector(second))
  const fromSecond = Y.encodeStateAsUpdate(second, Y.encodeStateVector(first))
  if (order === 'first-to-second') {
    Y.applyUpdate(second, fromFirst)
    Y.applyUpdate(first, fromSecond)
  } else {
    Y.applyUpdate(first, fromSecond)
    Y.applyUpdate(second, fromFirst)
  }
}

const lessonIds = (snapshot: CourseSnapshot): string[] =>
  snapshot.sections.flatMap((section) => section.lessons.map((lesson) => lesson.id))

const bodyText = (doc: Y.Doc, id: LessonId): string => lessonBody(doc, id)?.toString() ?? ''

const typeInto = (doc: Y.Doc, id: LessonId, text: string): void => {
  const body = lessonBody(doc, id)
  if (body === undefined) throw new Error(`lesson ${id} has no body`)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  body.insert(body.length, [paragraph])
}

/** A shared starting point: sections A (a1, a2) and B (b1), known to both replicas. */
const setup = () => {
  const base = new Y.Doc()
  createCourse(base, { id: newCourseId(), title: 'Course' })
  const a = addSection(base, { title: 'A' })
  const b = addSection(base, { title: 'B' })
  const a1 = addLesson(base, { sectionId: a, title: 'a1' })
  const a2 = addLesson(base, { sectionId: a, title: 'a2' })
  const b1 = addLesson(base, { sectionId: b, title: 'b1' })
  typeInto(base, a1, 'Leave by the nearest exit.')
  return { one: replicaOf(base), two: replicaOf(base), a, b, a1, a2, b1 }
}

const expectConverged = (one: Y.Doc, two: Y.Doc): CourseSnapshot => {
  const snapshot = readCourse(one)
  expect(readCourse(two)).toEqual(snapshot)
  const ids = lessonIds(snapshot)
  expect(new Set(ids).size).toBe(ids.length)
  const sectionIds = snapshot.sections.map((section) => section.id)
  expect(new Set(sectionIds).size).toBe(sectionIds.length)
  return snapshot
}

describe.each(['first-to-second', 'second-to-first'] as const)('concurrent changes merged %s', (order) => {
  it('two authors move the same lesson: it ends up in exactly one place, identical on both', () => {
    const { one, two, a, b, a1 } = setup()
    moveLesson(one, a1, { sectionId: b, index: 0 })
    moveLesson(two, a1, { sectionId: a, index: 1 })
    merge(one, two, order)
    const snapshot = expectConverged(one, two)
    expect(lessonIds(snapshot).filter((id) => id === a1)).toHaveLength(1)
    expect(lessonIds(snapshot)).toHaveLength(3)
    expect(bodyText(one, a1)).toContain('Leave by the nearest exit.')
  })

  it('one moves a lesson while the other edits its body: the move and the text both survive', () => {
    const { one, two, b, a1 } = setup()
    moveLesson(one, a1, { sectionId: b, index: 1 })
    typeInto(two, a1, 'Do not use the lift.')
    merge(one, two, order)
    const snapshot = expectConverged(one, two)
    expect(snapshot.sections.find((section) => section.id === b)?.lessons.map((lesson) => lesson.id)[1]).toBe(
      a1,
    )
    for (const doc of [one, two]) {
      expect(bodyText(doc, a1)).toContain('Leave by the nearest exit.')
      expect(bodyText(doc, a1)).toContain('Do not use the lift.')
    }
  })

  it('one deletes a section while the other adds a lesson to it: the new lesson survives', () => {
    const { one, two, a, a1, a2 } = setup()
    deleteSection(one, a)
    const added = addLesson(two, { sectionId: a, title: 'added meanwhile' })
    typeInto(two, added, 'Fresh text.')
    merge(one, two, order)
    const snapshot = expectConverged(one, two)
    const ids = lessonIds(snapshot)
    expect(ids).toContain(added)
    expect(ids).not.toContain(a1)
    expect(ids).not.toContain(a2)
    expect(snapshot.sections.find((section) => section.id === a)?.lessons.map((l) => l.title)).toEqual([
      'added meanwhile',
    ])
    expect(bodyText(one, added)).toContain('Fresh text.')
  })

  it('one deletes a section while the other moves a lesson into it: the moved lesson survives', () => {
    const { one, two, a, b1 } = setup()
    deleteSection(one, a)
    moveLesson(two, b1, { sectionId: a, index: 0 })
    merge(one, two, order)
    const snapshot = expectConverged(one, two)
    expect(findSectionOf(snapshot, b1)).toBe(a)
  })

  it('one deletes a section while the other moves a lesson out of it: the delete wins', () => {
    const { one, two, a, b, a1 } = setup()
    deleteSection(one, a)
    moveLesson(two, a1, { sectionId: b, index: 0 })
    merge(one, two, order)
    const snapshot = expectConverged(one, two)
    expect(lessonIds(snapshot)).not.toContain(a1)
    expect(snapshot.sections.map((section) => section.id)).toEqual([b])
  })

  it('two authors move the same section: it shows once, identical on both', () => {
    const { one, two, a } = setup()
    const c = addSection(one, { title: 'C' })
    merge(one, two, order)
    moveSection(one, a, 2)
    moveSection(two, a, 1)
    merge(one, two, order)
    const snapshot = expectConverged(one, two)
    expect(snapshot.sections.map((section) => section.title).sort()).toEqual(['A', 'B', 'C'])
    expect(snapshot.sections.map((section) => section.id)).toContain(c)
  })

  it('two authors add at the same index: both lessons appear in an order both replicas agree on', () => {
    const { one, two, a } = setup()
    const fromOne = addLesson(one, { sectionId: a, title: 'from one', index: 1 })
    const fromTwo = addLesson(two, { sectionId: a, title: 'from two', index: 1 })
    const s1 = addSection(one, { title: 'S1', index: 0 })
    const s2 = addSection(two, { title: 'S2', index: 0 })
    merge(one, two, order)
    const snapshot = expectConverged(one, two)
    const sectionA = snapshot.sections.find((section) => section.id === a)
    expect(sectionA?.lessons.map((lesson) => lesson.title)[0]).toBe('a1')
    expect(
      sectionA?.lessons
        .map((lesson) => lesson.id)
        .slice(1, 3)
        .sort(),
    ).toEqual([fromOne, fromTwo].sort())
    expect(sectionA?.lessons.map((lesson) => lesson.title)[3]).toBe('a2')
    expect(
      snapshot.sections
        .map((section) => section.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([s1, s2].sort())
  })
})

const findSectionOf = (snapshot: CourseSnapshot, id: LessonId): SectionId | undefined =>
  snapshot.sections.find((section) => section.lessons.some((lesson) => lesson.id === id))?.id
