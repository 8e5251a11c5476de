import { strFromU8, unzipSync, type Unzipped } from 'fflate'
import * as Y from 'yjs'
import { schemaStatus } from '../course/migrate'
import { readCourse } from '../course/read'
import { CURRENT_SCHEMA_VERSION } from '../course/schema'
import { err, ok, type Result } from '../errors'
import type { MediaBlob } from '../export/types'
import {
  DOCUMENT_FILE,
  FORMAT_NAME,
  FORMAT_VERSION,
  HEADER_FILE,
  MEDIA_DIR,
  type CourseFileHeader,
  type CourseFileMediaEntry,
} from './format'
import { sha256Hex } from './sha256'

export interface DecodedCourseFile {
  readonly header: CourseFileHeader
  /** A fresh document holding the course. The caller migrates and stores it. */
  readonly doc: Y.Doc
  readonly media: ReadonlyMap<string, MediaBlob>
}

const corrupt = (detail: string): Result<never> =>
  err('file-corrupt', `This file is not a Chorus course, or it is damaged (${detail}).`)

const tooNew = (what: string): Result<never> =>
  err(
    'file-too-new',
    `This course file was saved by a newer version of Chorus (${what}). Update Chorus to open it.`,
  )

const isWhole = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1

const isMediaEntry = (value: unknown): value is CourseFileMediaEntry => {
  if (typeof value !== 'object' || value === null) return false
  const { hash, mime } = value as Record<string, unknown>
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) && typeof mime === 'string'
}

/** Checks the header in the order that gives the most useful error: not ours, then too new, then malformed. */
const parseHeader = (files: Unzipped): Result<CourseFileHeader> => {
  const raw = files[HEADER_FILE]
  if (!raw) return corrupt(`no ${HEADER_FILE}`)
  let value: unknown
  try {
    value = JSON.parse(strFromU8(raw))
  } catch {
    return corrupt(`${HEADER_FILE} is not JSON`)
  }
  if (typeof value !== 'object' || value === null) return corrupt(`${HEADER_FILE} is not an object`)
  const h = value as Record<string, unknown>
  if (h.format !== FORMAT_NAME) return corrupt('unknown format')
  if (!isWhole(h.formatVersion)) return corrupt('bad format version')
  if (h.formatVersion > FORMAT_VERSION) return tooNew(`file format ${h.formatVersion}`)
  if (isWhole(h.schemaVersion) && h.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return tooNew(`course schema ${h.schemaVersion}`)
  }
  const media = Array.isArray(h.media) ? h.media : []
  if (
    typeof h.courseId !== 'string' ||
    typeof h.title !== 'string' ||
    typeof h.savedAt !== 'number' ||
    !isWhole(h.schemaVersion) ||
    !media.every(isMediaEntry)
  ) {
    return corrupt(`${HEADER_FILE} is incomplete`)
  }
  return ok({
    format: FORMAT_NAME,
    formatVersion: h.formatVersion,
    courseId: h.courseId,
    title: h.title,
    savedAt: h.savedAt,
    schemaVersion: h.schemaVersion,
    media,
  })
}

const readDocument = (files: Unzipped, header: CourseFileHeader): Result<Y.Doc> => {
  const update = files[DOCUMENT_FILE]
  if (!update) return corrupt(`no ${DOCUMENT_FILE}`)
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, update)
  } catch {
    return corrupt(`${DOCUMENT_FILE} is not a course document`)
  }
  const status = schemaStatus(doc)
  if (status.kind === 'too-new') return tooNew(`course schema ${status.version}`)
  if (status.kind === 'uninitialised') return corrupt('the document holds no course')
  if (readCourse(doc).meta.id !== header.courseId) return corrupt('the header names another course')
  return ok(doc)
}

const readMedia = async (
  files: Unzipped,
  header: CourseFileHeader,
): Promise<Result<Map<string, MediaBlob>>> => {
  const media = new Map<string, MediaBlob>()
  for (const { hash, mime } of header.media) {
    const bytes = files[MEDIA_DIR + hash]
    if (!bytes) return corrupt(`media ${hash.slice(0, 12)}… is missing`)
    if ((await sha256Hex(bytes)) !== hash)
      return corrupt(`media ${hash.slice(0, 12)}… does not match its hash`)
    media.set(hash, { bytes, mime })
  }
  return ok(media)
}

/** Reads a `.chorus` file. Every failure is data: 'file-corrupt' or 'file-too-new', with a message for the user. */
export const decodeCourseFile = async (bytes: Uint8Array): Promise<Result<DecodedCourseFile>> => {
  let files: Unzipped
  try {
    // Only the entries this format defines are inflated; anything else in the zip is ignored.
    files = unzipSync(bytes, {
      filter: (file) =>
        file.name === HEADER_FILE || file.name === DOCUMENT_FILE || file.name.startsWith(MEDIA_DIR),
    })
  } catch {
    return corrupt('not a readable zip')
  }
  const header = parseHeader(files)
  if (!header.ok) return header
  const doc = readDocument(files, header.value)
  if (!doc.ok) return doc
  const media = await readMedia(files, header.value)
  if (!media.ok) return media
  return ok({ header: header.value, doc: doc.value, media: media.value })
}
