import { sha256Hex } from '../../../shared/course-file/sha256'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { storage } from '../storage/storage-error'

/** The key media are stored, synced and shipped under: lowercase SHA-256 hex of the bytes. */
export const mediaHash = (bytes: Uint8Array): Promise<string> => sha256Hex(bytes)

/**
 * Stores a media blob local-first and returns its hash. Idempotent: bytes already stored (by this course or
 * another) are left as they are. A row stored by another course keeps its owner, so deleting this course can
 * never remove another course's image.
 */
export async function putMedia(
  db: ChorusDb,
  courseId: CourseId,
  bytes: Uint8Array,
  mime: string,
): Promise<string> {
  const hash = await mediaHash(bytes)
  await storage(() =>
    db.transaction('rw', db.media, async () => {
      if ((await db.media.get(hash)) !== undefined) return
      await db.media.add({ hash, courseId, mime, bytes, createdAt: Date.now() })
    }),
  )
  return hash
}
