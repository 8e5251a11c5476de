/**
 * The `.chorus` course file: a zip holding
 * - `chorus.json`: this header (read first, so a newer file is refused before anything else is parsed);
 * - `course.bin`: the course's Y.Doc as one Yjs update (`Y.encodeStateAsUpdate`), history and all;
 * - `media/<sha256 hex>`: each media blob, its MIME type in the header.
 */
export const FORMAT_NAME = 'chorus-course'
/** Bump when a file written by this version would be misread by an older Chorus. */
export const FORMAT_VERSION = 1
export const FILE_EXTENSION = '.chorus'
export const MIME_TYPE = 'application/vnd.chorus.course+zip'

export const HEADER_FILE = 'chorus.json'
export const DOCUMENT_FILE = 'course.bin'
export const MEDIA_DIR = 'media/'

export interface CourseFileMediaEntry {
  readonly hash: string
  readonly mime: string
}

export interface CourseFileHeader {
  readonly format: typeof FORMAT_NAME
  readonly formatVersion: number
  readonly courseId: string
  readonly title: string
  /** Milliseconds since the epoch. */
  readonly savedAt: number
  /** The course document's schema version, so a too-new file is refused without decoding the document. */
  readonly schemaVersion: number
  readonly media: readonly CourseFileMediaEntry[]
}
