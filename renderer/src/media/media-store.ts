/**
 * The one owner of media rows: every read and write of the `media` and `mediaCourses` tables (storage/db.ts) goes
 * through here. Blobs are stored once by content hash and shared between courses; `mediaCourses` says which
 * courses may use each (a lesson could name another course's blob by its hash; only a course associated with a
 * blob uploads, exports, saves or previews it).
 */
import { liveQuery } from 'dexie'
import type * as Y from 'yjs'
import { sha256Hex } from '../../../shared/course-file/sha256'
import { mediaReferences } from '../../../shared/course/media-refs'
import { readCourseMeta } from '../../../shared/course/read'
import type { CourseId } from '../../../shared/course/types'
import type { MediaBlob } from '../../../shared/export/types'
import type { ChorusDb, MediaRow } from '../storage/db'
import { storage } from '../storage/storage-error'

/** The key media are stored, synced and shipped under: lowercase SHA-256 hex of the bytes. */
export const mediaHash = (bytes: Uint8Array): Promise<string> => sha256Hex(bytes)

/** Associates the course with these blobs. Call inside a transaction that includes `db.mediaCourses`. */
const associateMedia = (db: ChorusDb, courseId: CourseId, hashes: Iterable<string>): Promise<unknown> =>
  db.mediaCourses.bulkPut([...hashes].map((hash) => ({ hash, courseId })))

/**
 * Stores blobs for a course unless already stored (by it or another course: the bytes are the same by
 * definition), and associates the course with each, in one transaction. Returns the hashes that were new.
 */
const storeBlobs = (
  db: ChorusDb,
  courseId: CourseId,
  blobs: ReadonlyMap<string, MediaBlob>,
): Promise<Set<string>> =>
  storage(() =>
    db.transaction('rw', db.media, db.mediaCourses, async () => {
      await associateMedia(db, courseId, blobs.keys())
      const held = new Set(
        (await db.media.bulkGet([...blobs.keys()])).flatMap((row) => (row ? [row.hash] : [])),
      )
      const createdAt = Date.now()
      const rows = [...blobs]
        .filter(([hash]) => !held.has(hash))
        .map(([hash, blob]) => ({ hash, courseId, mime: blob.mime, bytes: blob.bytes, createdAt }))
      await db.media.bulkAdd(rows)
      return new Set(rows.map((row) => row.hash))
    }),
  )

/**
 * Stores a media blob local-first for a course and returns its hash. Idempotent: bytes already stored (by this
 * course or another) are left as they are, and the course is associated with them, so each course that stored a
 * blob may use it and deleting one course keeps it for the others. `mime` must be the type the bytes are
 * (shared/media/media-types.ts sniffMediaType), never one a file declared.
 */
export async function putMedia(
  db: ChorusDb,
  courseId: CourseId,
  bytes: Uint8Array,
  mime: string,
): Promise<string> {
  const hash = await mediaHash(bytes)
  await storeBlobs(db, courseId, new Map([[hash, { bytes, mime }]]))
  return hash
}

/**
 * Stores a blob whose hash and type the caller has checked against its bytes (a download from the relay);
 * `held` if this device had it already. Either way the course is associated with it.
 */
export const storeCheckedMedia = async (
  db: ChorusDb,
  courseId: CourseId,
  hash: string,
  blob: MediaBlob,
): Promise<'stored' | 'held'> =>
  (await storeBlobs(db, courseId, new Map([[hash, blob]]))).has(hash) ? 'stored' : 'held'

/**
 * Stores media that arrived in a course file (already checked by their bytes: shared/course-file/decode.ts) and
 * associates the course with each.
 */
export async function storeCourseMedia(
  db: ChorusDb,
  courseId: CourseId,
  media: ReadonlyMap<string, MediaBlob>,
): Promise<void> {
  if (media.size > 0) await storeBlobs(db, courseId, media)
}

/** One stored blob, whichever course stored it; undefined if this device does not hold it. */
export const readMedia = (db: ChorusDb, hash: string): Promise<MediaRow | undefined> =>
  storage(() => db.media.get(hash))

/** The hashes of every blob associated with the course. */
export const courseMediaHashes = async (db: ChorusDb, courseId: CourseId): Promise<string[]> =>
  (await db.mediaCourses.where('courseId').equals(courseId).toArray()).map((row) => row.hash)

/**
 * The author pasted (or dropped) blocks naming these blobs into this course, e.g. an image copied from another of
 * their courses: a deliberate act on this device, so the blobs this device holds become the course's too and travel
 * with it (uploads, exports). A co-author's edit arriving through the relay never comes this way.
 */
export const adoptPastedMedia = (db: ChorusDb, courseId: CourseId, hashes: Iterable<string>): Promise<void> =>
  db.transaction('rw', db.media, db.mediaCourses, async () => {
    const held = (await db.media.bulkGet([...new Set(hashes)])).flatMap((row) => (row ? [row.hash] : []))
    await associateMedia(db, courseId, held)
  })

const toBytes = async (bytes: Uint8Array | Blob): Promise<Uint8Array> =>
  bytes instanceof Uint8Array ? bytes : new Uint8Array(await bytes.arrayBuffer())

/**
 * The media a course's lessons use that this device holds for the course, by hash: what a saved copy, an export
 * and the preview carry. A blob only another course stored is left out even when a lesson names it (a co-author
 * could name a confidential image of another course by its hash); the lesson shows it as missing media.
 */
export async function loadCourseMedia(db: ChorusDb, doc: Y.Doc): Promise<Map<string, MediaBlob>> {
  const own = new Set(await storage(() => courseMediaHashes(db, readCourseMeta(doc).id)))
  const used = [...mediaReferences(doc).keys()].filter((hash) => own.has(hash))
  const rows = await storage(() => db.media.bulkGet(used))
  const media = new Map<string, MediaBlob>()
  for (const row of rows) {
    if (row !== undefined) media.set(row.hash, { bytes: await toBytes(row.bytes), mime: row.mime })
  }
  return media
}

/**
 * Ends the course's associations with its media and deletes each blob no other course is associated with. A
 * blob another course also stored (one image pasted into two courses is stored once) stays, and its row names
 * that course from then on. Call inside a transaction that includes `db.media` and `db.mediaCourses`.
 */
export async function releaseCourseMedia(db: ChorusDb, courseId: CourseId): Promise<void> {
  const hashes = await courseMediaHashes(db, courseId)
  await db.mediaCourses.where('courseId').equals(courseId).delete()
  for (const hash of hashes) {
    const heir = await db.mediaCourses.where('hash').equals(hash).first()
    await (heir === undefined ? db.media.delete(hash) : db.media.update(hash, { courseId: heir.courseId }))
  }
}

/** The media tables, for a transaction elsewhere that calls in here (deleting a course, say). */
export const mediaTables = (db: ChorusDb) => [db.media, db.mediaCourses] as const

/** Calls `next` with the hashes associated with the course now and after each change; returns unsubscribe. */
export function watchCourseMediaHashes(
  db: ChorusDb,
  courseId: CourseId,
  next: (hashes: readonly string[]) => void,
  error: (cause: unknown) => void,
): () => void {
  const subscription = liveQuery(() =>
    db.mediaCourses.where('courseId').equals(courseId).primaryKeys(),
  ).subscribe({
    next: (keys) => next(keys.map(([hash]) => hash)),
    error,
  })
  return () => subscription.unsubscribe()
}
