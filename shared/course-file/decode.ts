import { strFromU8 } from 'fflate'
import * as Y from 'yjs'
import { schemaStatus } from '../course/migrate'
import { readCourseMeta } from '../course/read'
import { CURRENT_SCHEMA_VERSION } from '../course/schema'
import { err, ok, type Result } from '../errors'
import type { MediaBlob } from '../export/types'
import { describeMediaTypes, maxBytesOf, sniffMediaType } from '../media/media-types'
import {
  DOCUMENT_FILE,
  FORMAT_NAME,
  FORMAT_VERSION,
  HEADER_FILE,
  MEDIA_DIR,
  type CourseFileHeader,
  type CourseFileMediaEntry,
} from './format'
import { COURSE_FILE_LIMITS, type CourseFileLimits } from './limits'
import { sha256Hex } from './sha256'
import { readZipEntries, readZipEntry, ZipError, type ZipEntry } from './zip-reader'

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

const MB = 1024 * 1024
const megabytes = (bytes: number): string => `${Math.round(bytes / MB)} MB`

const tooLarge = (what: string, limit: number): Result<never> =>
  err(
    'file-too-large',
    `This course file cannot be opened: ${what} would take more than ${megabytes(limit)} once unpacked. ` +
      'Nothing was imported. If the file is genuine, ask its author to remove large media and save it again.',
  )

const short = (hash: string): string => `${hash.slice(0, 12)}…`

/** The entries this format defines, by name; anything else in the zip is never inflated. */
type Entries = ReadonlyMap<string, ZipEntry>

const isWhole = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1

const isMediaEntry = (value: unknown): value is CourseFileMediaEntry => {
  if (typeof value !== 'object' || value === null) return false
  const { hash, mime } = value as Record<string, unknown>
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) && typeof mime === 'string'
}

/** Checks the header in the order that gives the most useful error: not ours, then too new, then malformed. */
const parseHeader = (raw: Uint8Array): Result<CourseFileHeader> => {
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

const readDocument = (update: Uint8Array, header: CourseFileHeader): Result<Y.Doc> => {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, update)
  } catch {
    return corrupt(`${DOCUMENT_FILE} is not a course document`)
  }
  const status = schemaStatus(doc)
  if (status.kind === 'too-new') return tooNew(`course schema ${status.version}`)
  if (status.kind === 'uninitialised') return corrupt('the document holds no course')
  if (readCourseMeta(doc).id !== header.courseId) return corrupt('the header names another course')
  return ok(doc)
}

/**
 * Each media file the header lists, checked by its bytes: an SVG or HTML file (a document that runs scripts
 * wherever it is opened) refuses the whole course file, so nothing of it is imported. The type stored is the one
 * the bytes are; the header's is ignored.
 */
const readMedia = async (
  bytes: Uint8Array,
  entries: Entries,
  header: CourseFileHeader,
): Promise<Result<Map<string, MediaBlob>>> => {
  const media = new Map<string, MediaBlob>()
  for (const { hash } of header.media) {
    const entry = entries.get(MEDIA_DIR + hash)
    if (!entry) return corrupt(`media ${short(hash)} is missing`)
    const blob = readZipEntry(bytes, entry)
    if ((await sha256Hex(blob)) !== hash) return corrupt(`media ${short(hash)} does not match its hash`)
    const type = sniffMediaType(blob)
    if (type === null)
      return err(
        'file-media-refused',
        `This course file cannot be opened: media ${short(hash)} is not an image, video or audio file Chorus ` +
          `accepts (${describeMediaTypes()}; never SVG or HTML). Nothing was imported.`,
      )
    if (blob.length > maxBytesOf(type))
      return tooLarge(`media ${short(hash)} (${type.extension.toUpperCase()})`, maxBytesOf(type))
    media.set(hash, { bytes: blob, mime: type.mime })
  }
  return ok(media)
}

/** Refuses, from the sizes the zip directory declares, anything past the caps: before a byte is inflated. */
const checkDeclaredSizes = (entries: Entries, limits: CourseFileLimits): Result<null> => {
  let total = 0
  for (const entry of entries.values()) {
    const cap =
      entry.name === HEADER_FILE
        ? limits.headerBytes
        : entry.name === DOCUMENT_FILE
          ? limits.documentBytes
          : limits.mediaBytes
    if (entry.size > cap) return tooLarge(entry.name, cap)
    total += entry.size
  }
  return total > limits.totalBytes ? tooLarge('its contents together', limits.totalBytes) : ok(null)
}

const isOurs = (name: string): boolean =>
  name === HEADER_FILE || name === DOCUMENT_FILE || name.startsWith(MEDIA_DIR)

const decode = async (bytes: Uint8Array, limits: CourseFileLimits): Promise<Result<DecodedCourseFile>> => {
  const entries = new Map(
    readZipEntries(bytes)
      .filter((entry) => isOurs(entry.name))
      .map((entry) => [entry.name, entry]),
  )
  const sizes = checkDeclaredSizes(entries, limits)
  if (!sizes.ok) return sizes
  const headerEntry = entries.get(HEADER_FILE)
  if (!headerEntry) return corrupt(`no ${HEADER_FILE}`)
  const header = parseHeader(readZipEntry(bytes, headerEntry))
  if (!header.ok) return header
  const documentEntry = entries.get(DOCUMENT_FILE)
  if (!documentEntry) return corrupt(`no ${DOCUMENT_FILE}`)
  const doc = readDocument(readZipEntry(bytes, documentEntry), header.value)
  if (!doc.ok) return doc
  const media = await readMedia(bytes, entries, header.value)
  if (!media.ok) {
    doc.value.destroy()
    return media
  }
  return ok({ header: header.value, doc: doc.value, media: media.value })
}

/**
 * Reads a `.chorus` file. Every failure is data ('file-corrupt', 'file-too-new', 'file-too-large',
 * 'file-media-refused') with a message for the user; on any of them nothing is returned to import.
 * `limits` is injectable for tests.
 */
export const decodeCourseFile = async (
  bytes: Uint8Array,
  limits: CourseFileLimits = COURSE_FILE_LIMITS,
): Promise<Result<DecodedCourseFile>> => {
  try {
    return await decode(bytes, limits)
  } catch (thrown) {
    if (!(thrown instanceof ZipError)) throw thrown
    return thrown.overflow
      ? err(
          'file-too-large',
          `This course file cannot be opened: ${thrown.message}, so it is damaged or built to exhaust memory. ` +
            'Nothing was imported.',
        )
      : corrupt(`not a readable zip: ${thrown.message}`)
  }
}
