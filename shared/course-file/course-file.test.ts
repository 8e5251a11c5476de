import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, writeLessonContent } from '../course/commands'
import { readLessonContent } from '../course/content-io'
import { readCourse } from '../course/read'
import { CURRENT_SCHEMA_VERSION, META, metaMap } from '../course/schema'
import type { CourseId } from '../course/types'
import type { MediaBlob } from '../export/types'
import { makePng } from '../../tests/fixtures/png'
import { decodeCourseFile } from './decode'
import { encodeCourseFile } from './encode'
import { sha256Hex } from './sha256'

const makeCourse = async (): Promise<{ doc: Y.Doc; media: Map<string, MediaBlob>; hash: string }> => {
  const doc = new Y.Doc()
  createCourse(doc, { id: 'course-file-test' as CourseId, title: 'Saved course', author: 'Ada' })
  const lesson = addLesson(doc, { sectionId: addSection(doc, { title: 'One' }), title: 'First' })
  const bytes = makePng(2, 2, () => [10, 20, 30])
  const hash = await sha256Hex(bytes)
  writeLessonContent(doc, lesson, {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] },
      { type: 'image', attrs: { hash, alt: 'logo', mime: 'image/png' } },
    ],
  })
  return { doc, media: new Map([[hash, { bytes, mime: 'image/png' }]]), hash }
}

/** Re-zips a valid file after `change` edits its entries, to make damaged and future files. */
const tamper = (file: Uint8Array, change: (files: Unzipped) => void): Uint8Array => {
  const files = unzipSync(file)
  change(files)
  return zipSync(files)
}

const editHeader = (file: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array =>
  tamper(file, (files) => {
    const header = JSON.parse(strFromU8(files['chorus.json'] ?? new Uint8Array())) as Record<string, unknown>
    edit(header)
    files['chorus.json'] = strToU8(JSON.stringify(header))
  })

const errorCode = async (bytes: Uint8Array): Promise<string> => {
  const decoded = await decodeCourseFile(bytes)
  return decoded.ok ? 'ok' : decoded.error.code
}

describe('the .chorus course file', () => {
  it('round-trips the course document and its media', async () => {
    const { doc, media, hash } = await makeCourse()
    const file = encodeCourseFile(doc, media, Date.UTC(2026, 10, 1))
    const decoded = await decodeCourseFile(file)
    if (!decoded.ok) throw new Error(decoded.error.message)
    const { header, doc: copy, media: copiedMedia } = decoded.value
    expect(header).toMatchObject({
      format: 'chorus-course',
      formatVersion: 1,
      courseId: 'course-file-test',
      title: 'Saved course',
      savedAt: Date.UTC(2026, 10, 1),
      schemaVersion: CURRENT_SCHEMA_VERSION,
      media: [{ hash, mime: 'image/png' }],
    })
    expect(readCourse(copy)).toEqual(readCourse(doc))
    const [lesson] = readCourse(doc).sections.flatMap((s) => s.lessons)
    if (!lesson) throw new Error('the course has a lesson')
    expect(readLessonContent(copy, lesson.id)).toEqual(readLessonContent(doc, lesson.id))
    expect(copiedMedia.get(hash)).toEqual(media.get(hash))
  })

  it('keeps the document’s history, so the copy can merge with the original later', async () => {
    const { doc, media } = await makeCourse()
    const decoded = await decodeCourseFile(encodeCourseFile(doc, media))
    if (!decoded.ok) throw new Error(decoded.error.message)
    expect(Y.encodeStateVector(decoded.value.doc)).toEqual(Y.encodeStateVector(doc))
  })

  it('calls anything that is not a course file corrupt', async () => {
    const { doc, media } = await makeCourse()
    const file = encodeCourseFile(doc, media)
    expect(await errorCode(new Uint8Array([1, 2, 3, 4, 5]))).toBe('file-corrupt')
    expect(await errorCode(file.slice(0, file.length >> 1))).toBe('file-corrupt')
    expect(await errorCode(zipSync({ 'readme.txt': strToU8('hi') }))).toBe('file-corrupt')
    expect(await errorCode(tamper(file, (f) => (f['chorus.json'] = strToU8('{not json'))))).toBe(
      'file-corrupt',
    )
    expect(await errorCode(editHeader(file, (h) => (h.format = 'something-else')))).toBe('file-corrupt')
    expect(await errorCode(editHeader(file, (h) => delete h.courseId))).toBe('file-corrupt')
    expect(await errorCode(editHeader(file, (h) => (h.courseId = 'another')))).toBe('file-corrupt')
    expect(await errorCode(tamper(file, (f) => delete f['course.bin']))).toBe('file-corrupt')
    expect(await errorCode(tamper(file, (f) => (f['course.bin'] = new Uint8Array([255, 255, 255, 7]))))).toBe(
      'file-corrupt',
    )
    expect(
      await errorCode(
        tamper(file, (f) => (f['course.bin'] = new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc())))),
      ),
    ).toBe('file-corrupt')
  })

  it('refuses media that is missing or does not match its hash', async () => {
    const { doc, media, hash } = await makeCourse()
    const file = encodeCourseFile(doc, media)
    expect(await errorCode(tamper(file, (f) => Reflect.deleteProperty(f, `media/${hash}`)))).toBe(
      'file-corrupt',
    )
    expect(await errorCode(tamper(file, (f) => (f[`media/${hash}`] = new Uint8Array([0]))))).toBe(
      'file-corrupt',
    )
  })

  it('asks for a newer Chorus for a newer file format or course schema', async () => {
    const { doc, media } = await makeCourse()
    const file = encodeCourseFile(doc, media)
    const newerFormat = await decodeCourseFile(editHeader(file, (h) => (h.formatVersion = 2)))
    expect(newerFormat.ok ? null : newerFormat.error).toMatchObject({
      code: 'file-too-new',
      message: expect.stringContaining('Update Chorus'),
    })
    expect(await errorCode(editHeader(file, (h) => (h.schemaVersion = CURRENT_SCHEMA_VERSION + 1)))).toBe(
      'file-too-new',
    )

    // A header that understates the document's schema: the document itself is checked too.
    metaMap(doc).set(META.schemaVersion, CURRENT_SCHEMA_VERSION + 1)
    const understated = editHeader(
      encodeCourseFile(doc, media),
      (h) => (h.schemaVersion = CURRENT_SCHEMA_VERSION),
    )
    expect(await errorCode(understated)).toBe('file-too-new')
  })

  it('refuses to save a document that holds no course', () => {
    expect(() => encodeCourseFile(new Y.Doc(), new Map())).toThrow(/no course/)
  })
})
