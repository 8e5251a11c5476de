import { sha256Hex } from '../../../shared/course-file/sha256'
import type { CourseId } from '../../../shared/course/types'
import { sniffMediaType } from '../../../shared/media/media-types'
import { courseMediaHashes, readMedia, storeCheckedMedia } from '../media/media-store'
import type { ChorusDb, MediaRow } from '../storage/db'
import { storage } from '../storage/storage-error'

/**
 * The blobs this course may use on this device (media/media-store.ts): the only ones it uploads, and those it
 * need not download. A blob stored here by another course is not among them, even if a lesson names it: the
 * course gets it from its own relay, or not at all. Keys only: a course full of video is not read to learn this.
 */
export const localMediaHashes = async (db: ChorusDb, courseId: CourseId): Promise<Set<string>> =>
  new Set(await storage(() => courseMediaHashes(db, courseId)))

export const readLocalMedia = (db: ChorusDb, hash: string): Promise<MediaRow | undefined> =>
  readMedia(db, hash)

export type StoreOutcome = 'stored' | 'held' | 'corrupt' | 'not-media'

/**
 * Stores downloaded bytes only if they hash to the name they were asked for and are an allowed media type by
 * their bytes: a relay or proxy that hands out something else (another file, an SVG served as a PNG) never gets
 * it into an export. The type stored is the one the bytes are, not the one the relay sent. A hash already stored
 * (by any course) is left as it is; either way the course is associated with it, since its relay holds it.
 */
export async function storeVerifiedMedia(
  db: ChorusDb,
  courseId: CourseId,
  hash: string,
  bytes: Uint8Array,
): Promise<StoreOutcome> {
  if ((await sha256Hex(bytes)) !== hash) return 'corrupt'
  const type = sniffMediaType(bytes)
  if (type === null) return 'not-media'
  return storeCheckedMedia(db, courseId, hash, { bytes, mime: type.mime })
}
