import * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb, UpdateTable } from './db'

/** Rows a course may collect before they are merged into one. Fast typing writes a few rows a second. */
export const COMPACTION_THRESHOLD = 500

/**
 * Replaces all of a course's rows in `table` by their merge, in one read-write transaction: IndexedDB runs no
 * other write to the table meanwhile (another tab's waits), so every row read is in the merge and no row
 * written concurrently is deleted. If anything fails the transaction aborts and the rows stay as they were.
 */
export async function compactCourseUpdates(
  db: ChorusDb,
  courseId: CourseId,
  table: UpdateTable = 'updates',
): Promise<void> {
  const rows = db[table]
  await db.transaction('rw', rows, async () => {
    const stored = await rows.where('courseId').equals(courseId).toArray()
    if (stored.length <= 1) return
    const merged = Y.mergeUpdates(stored.map((row) => row.update))
    await rows.bulkDelete(stored.map((row) => row.seq))
    await rows.add({ courseId, update: merged })
  })
}
