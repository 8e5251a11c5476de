import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addLesson,
  addSection,
  createCourse,
  deleteLesson,
  deleteSection,
  moveLesson,
  moveSection,
  renameCourse,
  renameLesson,
  renameSection,
  updateCourseDetails,
  updateCourseSettings,
  writeLessonContent,
} from './commands'
import { readLessonContent } from './content-io'
import { newCourseId } from './ids'
import { LOCAL_ORIGIN } from './origins'
import { findLesson, isCourseInitialised, readCourse, readLessonTitle } from './read'
import type { CourseSnapshot, LessonId, SectionId } from './types'

const newCourse = (): Y.Doc => {
  const doc = new Y.Doc()
  createCourse(doc, { id: newCourseId(), title: 'Fire safety', author: 'Ada', now: 1000 })
  return doc
}

const outline = (snapshot: CourseSnapshot): Array<[string, string[]]> =>
  snapshot.sections.map((section) => [section.title, section.lessons.map((lesson) => lesson.title)])

/** A course with sections A (a1, a2, a3) and B (b1). */
const sampleCourse = () => {
  const doc = newCourse()
  const a = addSection(doc, { title: 'A' })
  const b = addSection(doc, { title: 'B' })
  const lessons = {
    a1: addLesson(doc, { sectionId: a, title: 'a1' }),
    a2: addLesson(doc, { sectionId: a, title: 'a2' }),
    a3: addLesson(doc, { sectionId: a, title: 'a3' }),
    b1: addLesson(doc, { sectionId: b, title: 'b1' }),
  }
  return { doc, a, b, lessons }
}

describe('createCourse', () => {
  it('initialises the metadata with defaults', () => {
    const doc = new Y.Doc()
    expect(isCourseInitialised(doc)).toBe(false)
    const id = newCourseId()
    createCourse(doc, { id, title: 'Fire safety', author: 'Ada', now: 1000 })
    expect(isCourseInitialised(doc)).toBe(true)
    expect(readCourse(doc)).toEqual({
      meta: {
        id,
        title: 'Fire safety',
        description: '',
        language: 'en',
        authors: ['Ada'],
        createdAt: 1000,
        updatedAt: 1000,
        settings: { passingScore: 80, completionRule: 'all-lessons-viewed', askLessonReactions: false },
      },
      sections: [],
    })
  })

  it('refuses to overwrite an existing course', () => {
    const doc = newCourse()
    expect(() => createCourse(doc, { id: newCourseId(), title: 'Other' })).toThrow(/already holds a course/)
    expect(readCourse(doc).meta.title).toBe('Fire safety')
  })

  it('reads an uninitialised document as an empty course', () => {
    const snapshot = readCourse(new Y.Doc())
    expect(snapshot.sections).toEqual([])
    expect(snapshot.meta.title).toBe('')
  })
})

describe('course metadata commands', () => {
  it('renames the course and touches updatedAt', () => {
    const doc = newCourse()
    renameCourse(doc, 'Fire safety 101')
    const { meta } = readCourse(doc)
    expect(meta.title).toBe('Fire safety 101')
    expect(meta.updatedAt).toBeGreaterThan(1000)
  })

  it('updates only the details given', () => {
    const doc = newCourse()
    updateCourseDetails(doc, { description: 'Basics', authors: ['Ada', 'Grace'] })
    updateCourseDetails(doc, { language: 'de-CH' })
    const { meta } = readCourse(doc)
    expect(meta).toMatchObject({ description: 'Basics', authors: ['Ada', 'Grace'], language: 'de-CH' })
  })

  it('updates settings and keeps the passing score within 0–100', () => {
    const doc = newCourse()
    updateCourseSettings(doc, { completionRule: 'passing-score', passingScore: 130 })
    expect(readCourse(doc).meta.settings).toEqual({
      completionRule: 'passing-score',
      passingScore: 100,
      askLessonReactions: false,
    })
    updateCourseSettings(doc, { passingScore: -5 })
    expect(readCourse(doc).meta.settings.passingScore).toBe(0)
    updateCourseSettings(doc, { passingScore: Number.NaN })
    expect(readCourse(doc).meta.settings.passingScore).toBe(0)
  })

  it('asks learners about each lesson only once turned on, and the choice reaches a co-author', () => {
    const doc = newCourse()
    updateCourseSettings(doc, { askLessonReactions: true })
    expect(readCourse(doc).meta.settings).toMatchObject({ askLessonReactions: true, passingScore: 80 })

    const coAuthor = new Y.Doc()
    Y.applyUpdate(coAuthor, Y.encodeStateAsUpdate(doc))
    expect(readCourse(coAuthor).meta.settings.askLessonReactions).toBe(true)
    updateCourseSettings(coAuthor, { askLessonReactions: false })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(coAuthor, Y.encodeStateVector(doc)))
    expect(readCourse(doc).meta.settings.askLessonReactions).toBe(false)
  })

  it('reads a course stored before the setting existed as not asking', () => {
    const doc = newCourse()
    doc.getMap('meta').delete('askLessonReactions')
    expect(readCourse(doc).meta.settings.askLessonReactions).toBe(false)
  })
})

describe('section commands', () => {
  it('adds sections at the end or at an index', () => {
    const doc = newCourse()
    addSection(doc, { title: 'B' })
    addSection(doc, { title: 'D' })
    addSection(doc, { title: 'A', index: 0 })
    addSection(doc, { title: 'C', index: 2 })
    addSection(doc, { title: 'E', index: 99 })
    expect(readCourse(doc).sections.map((s) => s.title)).toEqual(['A', 'B', 'C', 'D', 'E'])
  })

  it('renames a section and ignores unknown ids', () => {
    const { doc, a } = sampleCourse()
    renameSection(doc, a, 'Intro')
    renameSection(doc, 'nope' as SectionId, 'x')
    expect(readCourse(doc).sections[0]?.title).toBe('Intro')
  })

  it('deletes a section with its lessons', () => {
    const { doc, a, lessons } = sampleCourse()
    deleteSection(doc, a)
    expect(outline(readCourse(doc))).toEqual([['B', ['b1']]])
    expect(readLessonTitle(doc, lessons.a1)).toBeUndefined()
  })

  it('moves a section; the index counts the other sections', () => {
    const doc = newCourse()
    const a = addSection(doc, { title: 'A' })
    addSection(doc, { title: 'B' })
    const c = addSection(doc, { title: 'C' })
    addSection(doc, { title: 'D' })
    moveSection(doc, a, 2)
    expect(readCourse(doc).sections.map((s) => s.title)).toEqual(['B', 'C', 'A', 'D'])
    moveSection(doc, c, 0)
    expect(readCourse(doc).sections.map((s) => s.title)).toEqual(['C', 'B', 'A', 'D'])
    moveSection(doc, c, 50)
    expect(readCourse(doc).sections.map((s) => s.title)).toEqual(['B', 'A', 'D', 'C'])
    moveSection(doc, c, -3)
    expect(readCourse(doc).sections.map((s) => s.title)).toEqual(['C', 'B', 'A', 'D'])
  })

  it('does not write when a section stays where it is', () => {
    const { doc, a } = sampleCourse()
    const before = Y.encodeStateVector(doc)
    moveSection(doc, a, 0)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })
})

describe('deleted sections', () => {
  it('a deleted section that gets a lesson again shows again, and stays once worked with', () => {
    const { doc, a, b, lessons } = sampleCourse()
    deleteSection(doc, a)
    // As when a peer's concurrent move arrives: the tombstoned section holds a live lesson again.
    moveLesson(doc, lessons.b1, { sectionId: a, index: 0 })
    expect(outline(readCourse(doc))).toEqual([
      ['A', ['b1']],
      ['B', []],
    ])
    moveLesson(doc, lessons.b1, { sectionId: b, index: 0 })
    expect(outline(readCourse(doc))).toEqual([
      ['A', []],
      ['B', ['b1']],
    ])
    deleteSection(doc, a)
    expect(outline(readCourse(doc))).toEqual([['B', ['b1']]])
  })
})

describe('lesson commands', () => {
  it('adds lessons at the end or at an index', () => {
    const { doc, a } = sampleCourse()
    addLesson(doc, { sectionId: a, title: 'a0', index: 0 })
    addLesson(doc, { sectionId: a, title: 'a1.5', index: 2 })
    expect(outline(readCourse(doc))[0]).toEqual(['A', ['a0', 'a1', 'a1.5', 'a2', 'a3']])
  })

  it('refuses a lesson for a section that does not exist', () => {
    const doc = newCourse()
    expect(() => addLesson(doc, { sectionId: 'nope' as SectionId, title: 'x' })).toThrow(/unknown section/)
  })

  it('renames and deletes lessons, ignoring unknown ids', () => {
    const { doc, lessons } = sampleCourse()
    renameLesson(doc, lessons.a2, 'Exits')
    deleteLesson(doc, lessons.a1)
    deleteLesson(doc, 'nope' as LessonId)
    renameLesson(doc, lessons.a1, 'ghost')
    expect(outline(readCourse(doc))).toEqual([
      ['A', ['Exits', 'a3']],
      ['B', ['b1']],
    ])
  })

  it('moves a lesson within its section; the index counts the other lessons', () => {
    const { doc, a, lessons } = sampleCourse()
    moveLesson(doc, lessons.a1, { sectionId: a, index: 2 })
    expect(outline(readCourse(doc))[0]).toEqual(['A', ['a2', 'a3', 'a1']])
    moveLesson(doc, lessons.a1, { sectionId: a, index: 1 })
    expect(outline(readCourse(doc))[0]).toEqual(['A', ['a2', 'a1', 'a3']])
    moveLesson(doc, lessons.a3, { sectionId: a, index: -1 })
    expect(outline(readCourse(doc))[0]).toEqual(['A', ['a3', 'a2', 'a1']])
  })

  it('moves a lesson across sections, clamping the index', () => {
    const { doc, b, lessons } = sampleCourse()
    moveLesson(doc, lessons.a2, { sectionId: b, index: 0 })
    moveLesson(doc, lessons.a3, { sectionId: b, index: 10 })
    const snapshot = readCourse(doc)
    expect(outline(snapshot)).toEqual([
      ['A', ['a1']],
      ['B', ['a2', 'b1', 'a3']],
    ])
    expect(findLesson(snapshot, lessons.a3)).toMatchObject({
      index: 2,
      section: { id: b },
      lesson: { sectionId: b },
    })
  })

  it('does not write when a lesson stays where it is', () => {
    const { doc, a, lessons } = sampleCourse()
    const before = Y.encodeStateVector(doc)
    moveLesson(doc, lessons.a2, { sectionId: a, index: 1 })
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('keeps inserting between neighbours without running out of keys', () => {
    const doc = newCourse()
    const a = addSection(doc, { title: 'A' })
    addLesson(doc, { sectionId: a, title: 'first' })
    addLesson(doc, { sectionId: a, title: 'last' })
    for (let i = 0; i < 200; i++) addLesson(doc, { sectionId: a, title: `mid${i}`, index: 1 })
    const titles = readCourse(doc).sections[0]?.lessons.map((l) => l.title) ?? []
    expect(titles[0]).toBe('first')
    expect(titles[1]).toBe('mid199')
    expect(titles[201]).toBe('last')
  })
})

describe('transactions', () => {
  it('runs each command as one transaction with the local origin', () => {
    const { doc, a, lessons } = sampleCourse()
    const origins: unknown[] = []
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    moveLesson(doc, lessons.a1, { sectionId: a, index: 2 })
    deleteSection(doc, a)
    renameCourse(doc, 'x')
    expect(origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN])
  })

  it('lets an undo manager that tracks the local origin undo one command at a time', () => {
    const { doc, a, lessons } = sampleCourse()
    const undo = new Y.UndoManager([doc.getMap('sections'), doc.getMap('lessons')], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 0,
    })
    deleteSection(doc, a)
    expect(outline(readCourse(doc))).toEqual([['B', ['b1']]])
    undo.undo()
    expect(outline(readCourse(doc))).toEqual([
      ['A', ['a1', 'a2', 'a3']],
      ['B', ['b1']],
    ])
    expect(readLessonTitle(doc, lessons.a1)).toBe('a1')
  })

  it('brings a deleted lesson back with its body on undo', () => {
    const { doc, lessons } = sampleCourse()
    const content = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kept' }] }],
    }
    writeLessonContent(doc, lessons.a2, content)
    const undo = new Y.UndoManager([doc.getMap('sections'), doc.getMap('lessons')], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
    })
    deleteLesson(doc, lessons.a2)
    undo.undo()
    expect(readLessonContent(doc, lessons.a2)).toEqual(content)
  })
})
