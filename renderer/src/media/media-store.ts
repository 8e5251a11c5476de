import { sha256Hex } from '../../../shared/course-file/sha256'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { storage } from '../storage/storage-error'
import { associateMedia } from './media-courses'

/** The key media are stored, synced and shipped under: lowercase SHA-256 hex of the bytes. */
export const mediaHash = (bytes: Uint8Array): Promise<string> => sha256Hex(bytes)

/**
 * Stores a media blob local-first for a course and returns its hash. Idempotent: bytes already stored (by this
 * course or another) are left as they are, and the course is associated with them (media-courses.ts), so each
 * course that stored a blob may use it and deleting one course keeps it for the others. `mime` must be the
 * type the bytes are (shared/media/media-types.ts sniffMediaType), never one a file declared.
 */
export async function putMedia(
  db: ChorusDb,
  courseId: CourseId,
  bytes: Uint8Array,
  mime: string,
): Promise<string> {
  const hash = await mediaHash(bytes)
  await storage(() =>
    db.transaction('rw', db.media, db.mediaCourses, async () => {
      await associateMedia(db, courseId, [hash])
      if ((await db.media.get(hash)) !== undefined) return
      await db.media.add({ hash, courseId, mime, bytes, createdAt: Date.now() })
    }),
  )
  return hash
}
