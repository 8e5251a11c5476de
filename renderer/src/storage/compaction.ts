import * as Y from 'yjs'
import type { ChorusDb, DocKey, UpdateTable } from './db'

/** Rows a course may collect before they are replaced by one. Fast typing writes a few rows a second. */
export const COMPACTION_THRESHOLD = 500

/**
 * How long compaction waits after a document opens before it looks for an idle moment: an open is the page's
 * busiest time (the view builds, the outline fills in over idle moments, the comments, history and feedback
 * documents load and the relay syncs), and the compaction of a long history is a long task.
 */
export const OPEN_SETTLE_MS = 3_000

/** How long compaction waits for an idle moment before it runs anyway. */
export const COMPACTION_IDLE_DEADLINE_MS = 5_000

/**
 * How long the document's changes must pause before compaction looks for an idle moment. Compaction encodes the
 * whole document, 50-100 ms in a 1,000-lesson course on a slow machine: the idle moment between two keystrokes
 * is no place for it.
 */
export const COMPACTION_QUIET_MS = 2_000

/**
 * Compaction takes the next idle moment anyway once this many times the threshold's rows were written without such
 * a pause, so that a stream of changes that never pauses (co-authors typing for an hour) cannot grow the rows
 * without bound.
 */
export const COMPACTION_MAX_WAIT_THRESHOLDS = 3

/**
 * The rows a document is known to hold: every row of the course up to the last one it was loaded from (any row
 * written later, by another tab, gets a higher key), and the rows this tab wrote since.
 */
export interface KnownRows {
  readonly loadedUpTo: number
  readonly written: ReadonlySet<number>
}

/**
 * Replaces the rows of a course the document is known to hold by one row with the document's whole state, in
 * one read-write transaction: a row another tab wrote meanwhile is not known, so it stays, and nothing it
 * holds is lost. If anything fails the transaction aborts and the rows stay as they were. Encoding the state
 * costs tens of milliseconds even for a 1,000-lesson course, where merging thousands of rows took seconds.
 * Resolves with the keys it deleted and the key of the row it added, or null when there was nothing to do.
 */
export async function compactKnownRows(
  db: ChorusDb,
  courseId: DocKey,
  table: UpdateTable,
  doc: Y.Doc,
  known: KnownRows,
): Promise<{ readonly deleted: readonly number[]; readonly added: number } | null> {
  // Encoded before the transaction starts: everything in the document now includes every known row.
  const state = Y.encodeStateAsUpdate(doc)
  const rows = db[table]
  const written = new Set(known.written)
  return db.transaction('rw', rows, async () => {
    const keys = await rows.where('courseId').equals(courseId).primaryKeys()
    const deleting = keys.filter((seq) => seq <= known.loadedUpTo || written.has(seq))
    if (deleting.length <= 1) return null
    const added = await rows.add({ courseId, update: state })
    // A few range deletes rather than thousands of single ones, which would hold the main thread.
    for (const [low, high] of keyRuns(deleting))
      await rows.where(':id').between(low, high, true, true).delete()
    return { deleted: deleting, added }
  })
}

/**
 * The keys as runs of consecutive integers, lowest first: every key inside a run is one of `keys`, so deleting a
 * run's whole range deletes no row of another course.
 */
export function keyRuns(keys: readonly number[]): [number, number][] {
  const runs: [number, number][] = []
  for (const key of [...keys].sort((a, b) => a - b)) {
    const last = runs.at(-1)
    if (last && key === last[1] + 1) last[1] = key
    else if (!last || key > last[1]) runs.push([key, key])
  }
  return runs
}
