/** A `.chorus` file comes from anywhere: its media must be media by their bytes, and it must not inflate past the caps. */
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mediaSample, SCRIPTED_HTML, SCRIPTED_SVG } from '../../tests/fixtures/media-bytes'
import { declareSize } from '../../tests/fixtures/zip-tamper'
import { addLesson, addSection, createCourse, writeLessonContent } from '../course/commands'
import type { CourseId } from '../course/types'
import type { MediaBlob } from '../export/types'
import { decodeCourseFile } from './decode'
import { encodeCourseFile } from './encode'
import { COURSE_FILE_LIMITS, type CourseFileLimits } from './limits'
import { sha256Hex } from './sha256'

const MB = 1024 * 1024

const courseWith = async (blobs: readonly Uint8Array[], mime = 'image/png') => {
  const doc = new Y.Doc()
  createCourse(doc, { id: 'safety-test' as CourseId, title: 'Safety', author: 'Ada' })
  const lesson = addLesson(doc, { sectionId: addSection(doc, { title: 'One' }), title: 'First' })
  const media = new Map<string, MediaBlob>()
  for (const bytes of blobs) media.set(await sha256Hex(bytes), { bytes, mime })
  writeLessonContent(doc, lesson, {
    type: 'doc',
    content: [...media.keys()].map((hash) => ({ type: 'image', attrs: { hash, alt: '', mime } })),
  })
  return { file: encodeCourseFile(doc, media), hashes: [...media.keys()] }
}

const decodeError = async (bytes: Uint8Array, limits?: CourseFileLimits) => {
  const decoded = await decodeCourseFile(bytes, limits)
  return decoded.ok ? null : decoded.error
}

/** Re-zips a file with `name` deflated (a bomb compresses ~1000:1) instead of stored. */
const deflateEntry = (file: Uint8Array, name: string, bytes?: Uint8Array): Uint8Array => {
  const entries: Zippable = {}
  for (const [path, data] of Object.entries(unzipSync(file)))
    entries[path] = [path === name ? (bytes ?? data) : data, { level: path === name ? 9 : 0 }]
  return zipSync(entries)
}

describe('opening a .chorus file safely', () => {
  it('refuses a file with an SVG or HTML media entry, whatever type its header gives, and returns nothing', async () => {
    const png = mediaSample('png')
    for (const [bad, mime] of [
      [SCRIPTED_SVG, 'image/svg+xml'],
      [SCRIPTED_SVG, 'image/png'],
      [SCRIPTED_HTML, 'image/gif'],
    ] as const) {
      const { file } = await courseWith([png, bad], mime)
      const error = await decodeError(file)
      expect(error?.code).toBe('file-media-refused')
      expect(error?.message).toMatch(
        /is not an image, video or audio file Chorus accepts .*never SVG or HTML.*Nothing was imported/,
      )
    }
  })

  it('keeps the type the bytes are, not the one the header names', async () => {
    const mp3 = mediaSample('mp3')
    const { file, hashes } = await courseWith([mp3], 'image/png')
    const decoded = await decodeCourseFile(file)
    if (!decoded.ok) throw new Error(decoded.error.message)
    expect(decoded.value.media.get(hashes[0] ?? '')?.mime).toBe('audio/mpeg')
  })

  it('refuses, before inflating, an entry whose declared size passes its cap, and contents that together pass the total', async () => {
    // 3 GB declared for one media entry: refused from the directory alone, with the default caps.
    const { file, hashes } = await courseWith([mediaSample('png')])
    const huge = declareSize(file, `media/${hashes[0]}`, 3 * 1024 * MB)
    const error = await decodeError(huge)
    expect(error?.code).toBe('file-too-large')
    expect(error?.message).toContain(`more than ${Math.round(COURSE_FILE_LIMITS.mediaBytes / MB)} MB`)
    expect(error?.message).toContain('Nothing was imported')

    const three = await courseWith([
      mediaSample('png', 400_000),
      mediaSample('gif', 400_000),
      mediaSample('jpeg', 400_000),
    ])
    const limits = { ...COURSE_FILE_LIMITS, mediaBytes: MB, totalBytes: MB }
    expect((await decodeError(three.file, limits))?.message).toMatch(
      /its contents together would take more than 1 MB/,
    )
    expect(await decodeError(three.file, { ...limits, totalBytes: 2 * MB })).toBeNull()
  })

  it('refuses a zip bomb: an entry that inflates past the size it declares stops at that size', async () => {
    // 16 MB of zeros deflate to ~16 KB; the directory claims a few hundred bytes.
    const zeros = mediaSample('png', 16 * MB, 0)
    const { file, hashes } = await courseWith([mediaSample('png')])
    const name = `media/${hashes[0]}`
    const bomb = declareSize(deflateEntry(file, name, zeros), name, 300)
    expect(bomb.length).toBeLessThan(100_000)
    const error = await decodeError(bomb)
    expect(error?.code).toBe('file-too-large')
    expect(error?.message).toMatch(/inflates to more than the 300 bytes it declares.*Nothing was imported/)

    // The same for the document itself.
    const documentBomb = declareSize(
      deflateEntry(file, 'course.bin', new Uint8Array(16 * MB)),
      'course.bin',
      1000,
    )
    expect((await decodeError(documentBomb))?.code).toBe('file-too-large')
  })

  it('refuses an honest but oversized deflated entry from its declared size, and one past its kind’s limit', async () => {
    const zeros = mediaSample('png', 4 * MB, 0)
    const { file, hashes } = await courseWith([mediaSample('png')])
    const name = `media/${hashes[0]}`
    const big = deflateEntry(file, name, zeros)
    const error = await decodeError(big, { ...COURSE_FILE_LIMITS, mediaBytes: 2 * MB })
    expect(error?.code).toBe('file-too-large')
    expect(error?.message).toContain(name)

    // A 21 MB PNG passes the 200 MB per-entry cap but not the 20 MB image limit.
    const png21 = mediaSample('png', 21 * MB, 0)
    const large = await courseWith([png21])
    expect((await decodeError(large.file))?.message).toMatch(/\(PNG\) would take more than 20 MB/)
  })

  it('still opens a file whose header and document are deflated, as Chorus writes them', async () => {
    const { file } = await courseWith([mediaSample('webp'), mediaSample('wav')])
    const header = JSON.parse(strFromU8(unzipSync(file)['chorus.json'] ?? new Uint8Array())) as {
      media: unknown[]
    }
    expect(header.media).toHaveLength(2)
    expect(await decodeError(file)).toBeNull()
  })
})
