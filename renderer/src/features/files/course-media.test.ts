import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from '../../../../shared/course/commands'
import { NODE } from '../../../../shared/course/content'
import { newCourseId } from '../../../../shared/course/ids'
import type { CourseId } from '../../../../shared/course/types'
import { openChorusDb } from '../../storage/db'
import { loadCourseMedia } from './course-media'

const hash = (digit: string): string => digit.repeat(64)

const courseUsing = (...hashes: string[]): Y.Doc => {
  const doc = new Y.Doc()
  createCourse(doc, { id: newCourseId(), title: 'Media' })
  const lessonId = addLesson(doc, { sectionId: addSection(doc, { title: 'One' }), title: 'Pictures' })
  writeLessonContent(doc, lessonId, {
    type: NODE.doc,
    content: hashes.map((h) => ({ type: NODE.image, attrs: { hash: h, alt: '', mime: 'image/png' } })),
  })
  return doc
}

describe('loadCourseMedia', () => {
  it('carries the media the lessons use, also a blob another course stored first, and nothing unused', async () => {
    const db = openChorusDb('chorus-media-test', { indexedDB: new IDBFactory(), IDBKeyRange })
    const row = (h: string, courseId: CourseId, byte: number) => ({
      hash: h,
      courseId,
      mime: 'image/png',
      bytes: new Uint8Array([byte]),
      createdAt: 0,
    })
    const [other, mine] = [newCourseId(), newCourseId()]
    await db.media.bulkAdd([row(hash('a'), other, 1), row(hash('b'), mine, 2), row(hash('c'), mine, 3)])

    // Uses a (stored by the other course), b (its own) and d (not on this device); c is no longer used.
    const media = await loadCourseMedia(db, courseUsing(hash('a'), hash('b'), hash('d')))

    expect([...media.keys()].sort()).toEqual([hash('a'), hash('b')])
    expect(media.get(hash('a'))).toEqual({ bytes: new Uint8Array([1]), mime: 'image/png' })
  })
})
