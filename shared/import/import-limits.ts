import { COURSE_FILE_LIMITS } from '../course-file/limits'

const MB = 1024 * 1024

/**
 * How much a document may make an import read: the whole file is held in memory, and a .docx or .zip is a zip
 * whose declared sizes are checked before anything is inflated (shared/course-file/zip-reader.ts).
 */
export const IMPORT_LIMITS = {
  /** The file as picked. */
  fileBytes: 512 * MB,
  /** A Markdown file's text. */
  markdownBytes: 16 * MB,
  /** One entry of a .docx or .zip once inflated: the largest media file a course may hold. */
  entryBytes: COURSE_FILE_LIMITS.mediaBytes,
  /** Every entry of a .docx or .zip together, once inflated. */
  totalBytes: 1024 * MB,
} as const
