import type * as Y from 'yjs'
import { mediaReferences } from '../../../../shared/course/media-refs'
import { readCourse } from '../../../../shared/course/read'
import type { CourseId } from '../../../../shared/course/types'
import type { MediaBlob } from '../../../../shared/export/types'
import { associateMedia, courseMediaHashes } from '../../media/media-courses'
import type { ChorusDb } from '../../storage/db'
import { storage } from '../../storage/storage-error'

const toBytes = async (bytes: Uint8Array | Blob): Promise<Uint8Array> =>
  bytes instanceof Uint8Array ? bytes : new Uint8Array(await bytes.arrayBuffer())

/**
 * The media a course's lessons use that this device holds for the course, by hash: what a saved copy, an export
 * and the preview carry. A blob only another course stored is left out even when a lesson names it (a co-author
 * could name a confidential image of another course by its hash); the lesson shows it as missing media.
 */
export async function loadCourseMedia(db: ChorusDb, doc: Y.Doc): Promise<Map<string, MediaBlob>> {
  const own = new Set(await storage(() => courseMediaHashes(db, readCourse(doc).meta.id)))
  const used = [...mediaReferences(doc).keys()].filter((hash) => own.has(hash))
  const rows = await storage(() => db.media.bulkGet(used))
  const media = new Map<string, MediaBlob>()
  for (const row of rows) {
    if (row !== undefined) media.set(row.hash, { bytes: await toBytes(row.bytes), mime: row.mime })
  }
  return media
}

/**
 * Stores media that arrived in a course file (already checked by their bytes: shared/course-file/decode.ts) and
 * associates the course with each. A hash already stored is left alone: its bytes are the same by definition.
 */
export async function storeCourseMedia(
  db: ChorusDb,
  courseId: CourseId,
  media: ReadonlyMap<string, MediaBlob>,
): Promise<void> {
  if (media.size === 0) return
  const createdAt = Date.now()
  await storage(() =>
    db.transaction('rw', db.media, db.mediaCourses, async () => {
      await associateMedia(db, courseId, media.keys())
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
