import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from '../../../shared/course/commands'
import { NODE } from '../../../shared/course/content'
import { newCourseId } from '../../../shared/course/ids'
import type { CourseId } from '../../../shared/course/types'
import { mediaSample } from '../../../tests/fixtures/media-bytes'
import { exportCourse } from '../../../shared/export/export-course'
import { exportInputFromDoc } from '../../../shared/export/from-doc'
import { putMedia } from './media-store'
import { openChorusDb } from '../storage/db'
import { loadCourseMedia } from './media-store'

const courseUsing = (id: CourseId, ...hashes: string[]): Y.Doc => {
  const doc = new Y.Doc()
  createCourse(doc, { id, title: 'Media' })
  const lessonId = addLesson(doc, { sectionId: addSection(doc, { title: 'One' }), title: 'Pictures' })
  writeLessonContent(doc, lessonId, {
    type: NODE.doc,
    content: hashes.map((h) => ({ type: NODE.image, attrs: { hash: h, alt: '', mime: 'image/png' } })),
  })
  return doc
}

describe('loadCourseMedia', () => {
  it('carries the media the course stored and its lessons use: not another course’s blob named by hash, nothing unused', async () => {
    const db = openChorusDb('chorus-media-test', { indexedDB: new IDBFactory(), IDBKeyRange })
    const [other, mine] = [newCourseId(), newCourseId()]
    const [a, b, c, logo] = [mediaSample('png'), mediaSample('gif'), mediaSample('jpeg'), mediaSample('webp')]
    const confidential = await putMedia(db, other, a, 'image/png')
    const shared = await putMedia(db, other, logo, 'image/webp')
    const own = await putMedia(db, mine, b, 'image/gif')
    await putMedia(db, mine, c, 'image/jpeg') // stored, then no longer used
    await putMedia(db, mine, logo, 'image/webp') // the same logo pasted into both courses
    const absent = 'd'.repeat(64)

    // A co-author's lesson names the other course's blob by its hash: it is not carried.
    const media = await loadCourseMedia(db, courseUsing(mine, confidential, own, shared, absent))
    expect([...media.keys()].sort()).toEqual([own, shared].sort())
    expect(media.get(own)).toEqual({ bytes: b, mime: 'image/gif' })
    // The course that stored it still carries it.
    expect([...(await loadCourseMedia(db, courseUsing(other, confidential))).keys()]).toEqual([confidential])
  })
})

describe('exporting a course that names another course’s blob', () => {
  it('leaves the blob out and reports it as missing media, as for a blob not on this device', async () => {
    const db = openChorusDb('chorus-media-export', { indexedDB: new IDBFactory(), IDBKeyRange })
    const [other, mine] = [newCourseId(), newCourseId()]
    const confidential = await putMedia(db, other, mediaSample('png'), 'image/png')
    const own = await putMedia(db, mine, mediaSample('gif'), 'image/gif')
    const doc = courseUsing(mine, confidential, own)

    const exported = await exportCourse(exportInputFromDoc(doc, await loadCourseMedia(db, doc)), 'web')
    if (!exported.ok) throw new Error(exported.error.message)
    expect(exported.value.missingMedia).toEqual([confidential])
    const paths = Object.keys(unzipSync(exported.value.zip))
    expect(paths).toContain(`media/${own}.gif`)
    expect(paths.some((path) => path.includes(confidential))).toBe(false)
  })
})
