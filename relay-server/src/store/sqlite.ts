import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { startCheckpointer } from './checkpointer'
import type { RoomStore } from './store'

/** The file inside the data directory. One file for every room keeps backups a single copy. */
export const DATABASE_FILE = 'relay.sqlite'
/** Bumped when the table layout changes; a relay refuses files written by a newer one. */
const SCHEMA_VERSION = 1
const CACHE_KIB = 512

const createSchema = (db: Database.Database): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS updates (
      id INTEGER PRIMARY KEY,
      room TEXT NOT NULL,
      data BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, id);
  `)
  db.pragma(`user_version = ${SCHEMA_VERSION}`)
}

export interface StoreOptions {
  /** Told about background checkpoint failures, which never affect a write. */
  readonly onBackgroundError?: (message: string) => void
}

/**
 * Opens (or creates) the relay's SQLite store. WAL with synchronous=NORMAL: a committed row survives the
 * process being killed at any moment (the OS holds it); only a power cut can lose the last transactions,
 * and every client still holds those edits locally and resends them on reconnect.
 * busy_timeout is 0: the relay is the only writer, and waiting on an outside lock would stall every room.
 */
export const openSqliteStore = (dataDir: string, options: StoreOptions = {}): RoomStore => {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, DATABASE_FILE)
  const db = new Database(file, { timeout: 0 })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  // The relay writes far more than it reads (a room is read once, when it loads): a small page cache will do.
  db.pragma(`cache_size = -${CACHE_KIB}`)
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > SCHEMA_VERSION) {
    db.close()
    throw new Error(
      `${join(dataDir, DATABASE_FILE)} was written by a newer relay (schema ${version}, this relay knows ${SCHEMA_VERSION}); update the relay`,
    )
  }
  createSchema(db)
  const stopCheckpointer = startCheckpointer(db, file, options.onBackgroundError ?? (() => {}))

  const select = db.prepare<[string], { id: number; data: Buffer }>(
    'SELECT id, data FROM updates WHERE room = ? ORDER BY id',
  )
  const insert = db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)')
  const removeThrough = db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND id <= ?')
  const insertAt = db.prepare<[number, string, Uint8Array]>(
    'INSERT INTO updates (id, room, data) VALUES (?, ?, ?)',
  )
  // The state takes the place of the last row it replaces (that id was this room's), so it keeps its order.
  const compact = db.transaction((room: string, state: Uint8Array, throughSeq: number) => {
    removeThrough.run(room, throughSeq)
    insertAt.run(throughSeq, room, state)
  })

  // Synchronous underneath: each call has finished (or failed) before it returns its promise, so one relay's rows
  // are numbered by the file's row ids, in the order the relay wrote them.
  return {
    load: async (room) => {
      const rows = select.all(room)
      return {
        rows: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
        seq: rows.at(-1)?.id ?? 0,
      }
    },
    append: async (room, update) => Number(insert.run(room, update).lastInsertRowid),
    compact: async (room, state, throughSeq) => {
      compact(room, state, throughSeq)
      return true
    },
    close: async () => {
      await stopCheckpointer()
      db.close()
    },
  }
}
