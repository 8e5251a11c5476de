import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeCourseFile } from '../../../../shared/course-file/encode'
import { sha256Hex } from '../../../../shared/course-file/sha256'
import { addLesson, addSection, createCourse, writeLessonContent } from '../../../../shared/course/commands'
import { NODE } from '../../../../shared/course/content'
import { newCourseId } from '../../../../shared/course/ids'
import type { MediaBlob } from '../../../../shared/export/types'
import { mediaSample, SCRIPTED_SVG } from '../../../../tests/fixtures/media-bytes'
import { openChorusDb } from '../../storage/db'
import { importCourseFile } from './import-course-file'

const courseFile = async (blobs: readonly Uint8Array[]) => {
  const doc = new Y.Doc()
  const id = newCourseId()
  createCourse(doc, { id, title: 'From a file' })
  const lessonId = addLesson(doc, { sectionId: addSection(doc, { title: 'S' }), title: 'L' })
  const media = new Map<string, MediaBlob>()
  for (const bytes of blobs) media.set(await sha256Hex(bytes), { bytes, mime: 'image/png' })
  writeLessonContent(doc, lessonId, {
    type: NODE.doc,
    content: [...media.keys()].map((hash) => ({
      type: NODE.image,
      attrs: { hash, alt: '', mime: 'image/png' },
    })),
  })
  return { id, hashes: [...media.keys()], file: encodeCourseFile(doc, media) }
}

const freshDb = () => openChorusDb('chorus-import-test', { indexedDB: new IDBFactory(), IDBKeyRange })

describe('importCourseFile', () => {
  it('imports nothing from a file with an SVG among its media, and says why', async () => {
    const db = freshDb()
    const { file } = await courseFile([mediaSample('png'), SCRIPTED_SVG])
    const imported = await importCourseFile(db, file)
    expect(imported.ok ? null : imported.error.code).toBe('file-media-refused')
    expect(imported.ok ? '' : imported.error.message).toMatch(/never SVG or HTML\)\. Nothing was imported\./)
    expect([await db.courses.count(), await db.updates.count(), await db.media.count()]).toEqual([0, 0, 0])
    expect(await db.mediaCourses.count()).toBe(0)
  })

  it('stores the media of a good file for the course it holds', async () => {
    const db = freshDb()
    const { id, hashes, file } = await courseFile([mediaSample('png'), mediaSample('mp3')])
    expect(await importCourseFile(db, file)).toEqual({ ok: true, value: id })
    const rows = await db.mediaCourses.toArray()
    expect(rows.map((row) => row.hash).sort()).toEqual([...hashes].sort())
    expect(rows.every((row) => row.courseId === id)).toBe(true)
    expect((await db.media.get(hashes[1] ?? ''))?.mime).toBe('audio/mpeg')
  })
})
