import type * as Y from 'yjs'
import type { ChorusDb, DocKey, UpdateTable } from './db'
import type { SaveStatusSource } from './save-status'
import { docFromRows, persistDoc, readUpdateRows, type StoredDocOptions } from './stored-doc'

/**
 * One of a course's side documents (comments, versions, feedback), or a team's space, as stored on this device:
 * kept exactly as course content is kept, in its own table, so no copy or export of a course carries it.
 */
export interface RoomDocStore {
  readonly doc: Y.Doc
  readonly save: SaveStatusSource
  /** Resolves once every change so far is in IndexedDB; rejects with a ChorusFailure if it cannot be. */
  flush(): Promise<void>
  /** Flushes, then stops saving and destroys the doc. If the flush fails it rejects and the store stays open. */
  close(): Promise<void>
}

/**
 * Loads a side document (or team space) from its table and keeps storing it. One that has no rows yet opens empty.
 * `damaged` is what the user is told when the stored rows cannot be read.
 */
export async function openRoomDocStore(
  db: ChorusDb,
  table: Exclude<UpdateTable, 'updates'>,
  courseId: DocKey,
  damaged: string,
  options: StoredDocOptions = {},
): Promise<RoomDocStore> {
  const rows = await readUpdateRows(db, table, courseId)
  const doc = docFromRows(rows, damaged)
  const persisted = persistDoc(db, { table, courseId, doc, storedRows: rows.length, options })
  return {
    doc,
    save: persisted.save,
    flush: () => persisted.flush(),
    close: () => persisted.close(),
  }
}
