import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import type { SaveStatusSource } from '../storage/save-status'
import { docFromRows, persistDoc, readUpdateRows, type StoredDocOptions } from '../storage/stored-doc'

/** A course's review document (its comment threads) as stored on this device. */
export interface ReviewStore {
  readonly doc: Y.Doc
  readonly save: SaveStatusSource
  /** Resolves once every change so far is in IndexedDB; rejects with a ChorusFailure if it cannot be. */
  flush(): Promise<void>
  /** Flushes, then stops saving and destroys the doc. If the flush fails it rejects and the store stays open. */
  close(): Promise<void>
}

/**
 * Loads a course's comments from IndexedDB and keeps storing them exactly as course content is stored, in
 * their own table. A course nobody has commented on yet has no rows: it opens as an empty review document.
 */
export async function openReviewStore(
  db: ChorusDb,
  courseId: CourseId,
  options: StoredDocOptions = {},
): Promise<ReviewStore> {
  const rows = await readUpdateRows(db, 'reviewUpdates', courseId)
  const doc = docFromRows(
    rows,
    'The comments stored on this device for this course are damaged and cannot be shown. The course itself is not affected.',
  )
  const persisted = persistDoc(db, {
    table: 'reviewUpdates',
    courseId,
    doc,
    storedRows: rows.length,
    options,
  })
  return {
    doc,
    save: persisted.save,
    flush: () => persisted.flush(),
    close: () => persisted.close(),
  }
}
