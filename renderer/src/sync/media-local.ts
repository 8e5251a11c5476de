import { sha256Hex } from '../../../shared/course-file/sha256'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb, MediaRow } from '../storage/db'
import { storage } from '../storage/storage-error'

/**
 * The hashes this device holds among `wanted`, plus every blob stored for the course. Keys only: a pass over a
 * course full of video must not read the videos to learn which are here.
 */
export async function localMediaHashes(
  db: ChorusDb,
  courseId: CourseId,
  wanted: readonly string[],
): Promise<Set<string>> {
  const [owned, referenced] = await storage(() =>
    Promise.all([
      db.media.where('courseId').equals(courseId).primaryKeys(),
      wanted.length === 0
        ? Promise.resolve([])
        : db.media
            .where('hash')
            .anyOf([...wanted])
            .primaryKeys(),
    ]),
  )
  return new Set([...owned, ...referenced])
}

export const readLocalMedia = (db: ChorusDb, hash: string): Promise<MediaRow | undefined> =>
  storage(() => db.media.get(hash))

export type StoreOutcome = 'stored' | 'held' | 'corrupt'

/**
 * Stores downloaded bytes only if they hash to the name they were asked for: a relay or proxy that hands out
 * something else never gets it into an export. A hash already stored (by any course) is left as it is.
 */
export async function storeVerifiedMedia(
  db: ChorusDb,
  courseId: CourseId,
  hash: string,
  mime: string,
  bytes: Uint8Array,
): Promise<StoreOutcome> {
  if ((await sha256Hex(bytes)) !== hash) return 'corrupt'
  return storage(() =>
    db.transaction('rw', db.media, async () => {
      if ((await db.media.get(hash)) !== undefined) return 'held'
      await db.media.add({ hash, courseId, mime, bytes, createdAt: Date.now() })
      return 'stored'
    }),
  )
}
