import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'

/**
 * Which courses may use a stored blob (storage/db.ts MediaCourseRow). Blobs are shared between courses by hash,
 * so a lesson could name another course's blob; only a course associated with a blob uploads, exports, saves or
 * previews it. Call inside a transaction that includes `db.mediaCourses`.
 */
export const associateMedia = (
  db: ChorusDb,
  courseId: CourseId,
  hashes: Iterable<string>,
): Promise<unknown> => db.mediaCourses.bulkPut([...hashes].map((hash) => ({ hash, courseId })))

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
