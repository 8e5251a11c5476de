import * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from './db'

/** Rows a course may collect before they are merged into one. Fast typing writes a few rows a second. */
export const COMPACTION_THRESHOLD = 500

/**
 * Replaces all of a course's rows by their merge, in one read-write transaction: IndexedDB runs no other
 * write to the table meanwhile (another tab's waits), so every row read is in the merge and no row
 * written concurrently is deleted. If anything fails the transaction aborts and the rows stay as they were.
 */
export async function compactCourseUpdates(db: ChorusDb, courseId: CourseId): Promise<void> {
  await db.transaction('rw', db.updates, async () => {
    const rows = await db.updates.where('courseId').equals(courseId).toArray()
    if (rows.length <= 1) return
    const merged = Y.mergeUpdates(rows.map((row) => row.update))
    await db.updates.bulkDelete(rows.map((row) => row.seq))
    await db.updates.add({ courseId, update: merged })
  })
}
