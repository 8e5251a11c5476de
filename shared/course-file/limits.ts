import { LARGEST_MEDIA_BYTES } from '../media/media-types'

const MB = 1024 * 1024

/**
 * How much a `.chorus` file may hold once inflated, checked against the sizes its zip directory declares before
 * anything is inflated, and again while inflating (a declared size can lie). The whole file is read into memory
 * to open it, so these bound what one file can make the app or the export CLI allocate.
 */
export interface CourseFileLimits {
  /** `chorus.json`: a few hundred bytes plus ~100 per media file. */
  readonly headerBytes: number
  /** `course.bin`: the course's Yjs document with its history. */
  readonly documentBytes: number
  /** One media file; each is also held to its kind's limit once its bytes say what it is. */
  readonly mediaBytes: number
  /** Every entry that is read, together. */
  readonly totalBytes: number
}

export const COURSE_FILE_LIMITS: CourseFileLimits = {
  headerBytes: 4 * MB,
  documentBytes: 256 * MB,
  mediaBytes: LARGEST_MEDIA_BYTES,
  totalBytes: 2048 * MB,
}
