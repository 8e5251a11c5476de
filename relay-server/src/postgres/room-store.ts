import type { Postgres } from './connect'
import { withSchemaLock } from './connect'
import type { SharedRoomStore, StoredRow } from '../store/store'

/**
 * `chorus_rooms.seq` is each room's last seq. Appending raises it and inserts the row in one statement: the row
 * lock on the room's counter makes concurrent appends from any number of relays take turns, so each room's rows
 * are numbered without gaps and committed in that order, and a reader sees a prefix of them.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS chorus_rooms (
    name text PRIMARY KEY,
    seq bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS chorus_updates (
    room text NOT NULL,
    seq bigint NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (room, seq)
  );
`

const APPEND = `
  WITH counter AS (
    INSERT INTO chorus_rooms AS r (name, seq) VALUES ($1, 1)
    ON CONFLICT (name) DO UPDATE SET seq = r.seq + 1
    RETURNING seq
  )
  INSERT INTO chorus_updates (room, seq, data) SELECT $1, seq, $2 FROM counter RETURNING seq
`

const toBytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/** A 64-bit advisory lock key per room, so compactions of one room, from any relay, take turns. */
const COMPACT_LOCK = "hashtextextended('chorus-compact:' || $1, 0)"

/** Rooms' updates in PostgreSQL, shared by every relay instance pointed at the same database. */
export const openPostgresRoomStore = async (pool: Postgres): Promise<SharedRoomStore> => {
  await withSchemaLock(pool, SCHEMA)
  const rowsAfter = async (room: string, seq: number): Promise<StoredRow[]> => {
    const result = await pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM chorus_updates WHERE room = $1 AND seq > $2 ORDER BY seq',
      [room, seq],
    )
    return result.rows.map((row) => ({ seq: Number(row.seq), data: toBytes(row.data) }))
  }
  return {
    load: async (room) => {
      const rows = await rowsAfter(room, 0)
      return { rows: rows.map((row) => row.data), seq: rows.at(-1)?.seq ?? 0 }
    },
    append: async (room, update) => {
      const result = await pool.query<{ seq: string }>(APPEND, [room, update])
      return Number(result.rows[0]?.seq)
    },
    compact: async (room, state, throughSeq) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const locked = await client.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_xact_lock(${COMPACT_LOCK}) AS locked`,
          [room],
        )
        if (locked.rows[0]?.locked !== true) {
          await client.query('ROLLBACK')
          return false
        }
        // The state takes the place of the last row it replaces; rows appended meanwhile come after it and stay.
        await client.query('DELETE FROM chorus_updates WHERE room = $1 AND seq <= $2', [room, throughSeq])
        await client.query('INSERT INTO chorus_updates (room, seq, data) VALUES ($1, $2, $3)', [
          room,
          throughSeq,
          state,
        ])
        await client.query('COMMIT')
        return true
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    rowsAfter,
    lastSeqs: async (rooms) => {
      const seqs = new Map(rooms.map((room) => [room, 0]))
      if (rooms.length === 0) return seqs
      const result = await pool.query<{ name: string; seq: string }>(
        'SELECT name, seq FROM chorus_rooms WHERE name = ANY($1)',
        [rooms],
      )
      for (const row of result.rows) seqs.set(row.name, Number(row.seq))
      return seqs
    },
    // The pool belongs to whoever opened it (media and tokens share it).
    close: async () => {},
  }
}
