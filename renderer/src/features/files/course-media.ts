import type { CourseId } from '../../../../shared/course/types'
import type { MediaBlob } from '../../../../shared/export/types'
import type { ChorusDb } from '../../storage/db'
import { storage } from '../../storage/storage-error'

const toBytes = async (bytes: Uint8Array | Blob): Promise<Uint8Array> =>
  bytes instanceof Uint8Array ? bytes : new Uint8Array(await bytes.arrayBuffer())

/** Every media blob stored for a course, by hash: what a saved copy and an export carry. */
export async function loadCourseMedia(db: ChorusDb, courseId: CourseId): Promise<Map<string, MediaBlob>> {
  const rows = await storage(() => db.media.where('courseId').equals(courseId).toArray())
  const media = new Map<string, MediaBlob>()
  for (const row of rows) media.set(row.hash, { bytes: await toBytes(row.bytes), mime: row.mime })
  return media
}

/**
 * Stores media that arrived in a course file. A hash already stored is left alone: its bytes are the same by
 * definition, and re-owning it would let deleting this course remove another course's image.
 */
export async function storeCourseMedia(
  db: ChorusDb,
  courseId: CourseId,
  media: ReadonlyMap<string, MediaBlob>,
): Promise<void> {
  if (media.size === 0) return
  const createdAt = Date.now()
  await storage(() =>
    db.transaction('rw', db.media, async () => {
      const present = new Set(
        (await db.media.bulkGet([...media.keys()])).flatMap((row) => (row ? [row.hash] : [])),
      )
      const rows = [...media]
        .filter(([hash]) => !present.has(hash))
        .map(([hash, blob]) => ({ hash, courseId, mime: blob.mime, bytes: blob.bytes, createdAt }))
      await db.media.bulkAdd(rows)
    }),
  )
}
