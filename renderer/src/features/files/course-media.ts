import type * as Y from 'yjs'
import { mediaReferences } from '../../../../shared/course/media-refs'
import type { CourseId } from '../../../../shared/course/types'
import type { MediaBlob } from '../../../../shared/export/types'
import type { ChorusDb } from '../../storage/db'
import { storage } from '../../storage/storage-error'

const toBytes = async (bytes: Uint8Array | Blob): Promise<Uint8Array> =>
  bytes instanceof Uint8Array ? bytes : new Uint8Array(await bytes.arrayBuffer())

/**
 * The media a course's lessons use that this device holds, by hash: what a saved copy, an export and the preview
 * carry. Chosen by reference, not by owner, because a blob first stored by another course is shared with it.
 */
export async function loadCourseMedia(db: ChorusDb, doc: Y.Doc): Promise<Map<string, MediaBlob>> {
  const rows = await storage(() => db.media.bulkGet([...mediaReferences(doc).keys()]))
  const media = new Map<string, MediaBlob>()
  for (const row of rows) {
    if (row !== undefined) media.set(row.hash, { bytes: await toBytes(row.bytes), mime: row.mime })
  }
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
