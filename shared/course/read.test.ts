import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, deleteLesson, moveLesson, renameLesson } from './commands'
import { newCourseId } from './ids'
import { findLesson, lessonBody, observeCourse, readCourse, readCourseMeta } from './read'
import type { CourseSnapshot, LessonId } from './types'

const courseWithLesson = () => {
  const doc = new Y.Doc()
  createCourse(doc, { id: newCourseId(), title: 'Course' })
  const section = addSection(doc, { title: 'S' })
  const lesson = addLesson(doc, { sectionId: section, title: 'L' })
  return { doc, section, lesson }
}

describe('readCourseMeta', () => {
  it('reads what readCourse reads as meta, title and settings included', () => {
    const { doc } = courseWithLesson()
    expect(readCourseMeta(doc)).toEqual(readCourse(doc).meta)
    expect(readCourseMeta(doc).title).toBe('Course')
  })
})

describe('observeCourse', () => {
  it('fires once per command with a fresh snapshot', () => {
    const { doc, section, lesson } = courseWithLesson()
    const seen: CourseSnapshot[] = []
    observeCourse(doc, (snapshot) => seen.push(snapshot))
    renameLesson(doc, lesson, 'Renamed')
    const second = addLesson(doc, { sectionId: section, title: 'Second' })
    moveLesson(doc, second, { sectionId: section, index: 0 })
    expect(seen).toHaveLength(3)
    expect(seen[0]?.sections[0]?.lessons[0]?.title).toBe('Renamed')
    expect(seen[2]?.sections[0]?.lessons.map((l) => l.title)).toEqual(['Second', 'Renamed'])
  })

  it('ignores typing inside a lesson body', () => {
    const { doc, lesson } = courseWithLesson()
    let calls = 0
    observeCourse(doc, () => calls++)
    const body = lessonBody(doc, lesson)
    if (body === undefined) throw new Error('lesson has no body')
    const paragraph = new Y.XmlElement('paragraph')
    body.insert(0, [paragraph])
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    text.insert(0, 'Hello')
    text.format(0, 5, { bold: {} })
    paragraph.setAttribute('textAlign', 'center')
    expect(calls).toBe(0)
  })

  it('fires for changes that arrive from a peer', () => {
    const { doc, lesson } = courseWithLesson()
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    const titles: string[] = []
    observeCourse(peer, (snapshot) => titles.push(snapshot.sections[0]?.lessons[0]?.title ?? ''))
    renameLesson(doc, lesson, 'From afar')
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)))
    expect(titles).toEqual(['From afar'])
  })

  it('stops after unsubscribing', () => {
    const { doc, lesson } = courseWithLesson()
    let calls = 0
    const stop = observeCourse(doc, () => calls++)
    stop()
    renameLesson(doc, lesson, 'x')
    expect(calls).toBe(0)
  })
})

describe('reading', () => {
  it('hands out the body of a live lesson only', () => {
    const { doc, lesson } = courseWithLesson()
    expect(lessonBody(doc, lesson)).toBeInstanceOf(Y.XmlFragment)
    deleteLesson(doc, lesson)
    expect(lessonBody(doc, lesson)).toBeUndefined()
  })

  it('finds a lesson in a snapshot', () => {
    const { doc, section, lesson } = courseWithLesson()
    const snapshot = readCourse(doc)
    expect(findLesson(snapshot, lesson)).toEqual({
      lesson: { id: lesson, title: 'L', sectionId: section },
      section: snapshot.sections[0],
      index: 0,
    })
    expect(findLesson(snapshot, 'nope' as LessonId)).toBeUndefined()
  })

  it('tolerates malformed values from a peer instead of throwing', () => {
    const { doc, lesson } = courseWithLesson()
    doc.transact(() => {
      doc.getMap('meta').set('title', 42)
      doc.getMap('meta').set('authors', ['Ada', 7])
      doc.getMap('meta').set('completionRule', 'whatever')
      doc.getMap('meta').set('askLessonReactions', 'yes')
      const broken = new Y.Map<unknown>()
      broken.set('title', 'no place')
      doc.getMap('lessons').set('broken', broken)
    })
    const snapshot = readCourse(doc)
    expect(snapshot.meta).toMatchObject({
      title: '',
      authors: ['Ada'],
      settings: { completionRule: 'all-lessons-viewed', askLessonReactions: false },
    })
    expect(snapshot.sections[0]?.lessons.map((l) => l.id)).toEqual([lesson])
  })
})
