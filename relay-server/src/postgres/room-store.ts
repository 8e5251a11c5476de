import type { Postgres } from './connect'
import { inTransaction, withSchemaLock } from './connect'
import type { SharedRoomStore, StoredRow } from '../store/store'

/**
 * `chorus_rooms.seq` is each room's last seq. Appending raises it and inserts the rows in one statement: the row
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

/**
 * Appends a batch (rooms' updates gathered during one turn of the event loop) in one statement: each room's
 * counter rises by its number of rows, and its rows take the seqs below the new value, in the batch's order.
 * Counters are taken in room order, so two relays' batches never wait on each other's locks in a cycle.
 */
const APPEND_BATCH = `
  WITH input AS (
    SELECT room, data, ord FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(room, data, ord)
  ),
  counts AS (
    SELECT room, count(*) AS n FROM input GROUP BY room
  ),
  counters AS (
    INSERT INTO chorus_rooms AS r (name, seq)
    SELECT room, n FROM counts ORDER BY room
    ON CONFLICT (name) DO UPDATE SET seq = r.seq + EXCLUDED.seq
    RETURNING name, seq
  ),
  numbered AS (
    SELECT i.room, i.data, i.ord,
      c.seq - n.n + row_number() OVER (PARTITION BY i.room ORDER BY i.ord) AS seq
    FROM input i JOIN counts n ON n.room = i.room JOIN counters c ON c.name = i.room
  ),
  stored AS (
    INSERT INTO chorus_updates (room, seq, data) SELECT room, seq, data FROM numbered
  )
  SELECT ord, seq FROM numbered ORDER BY ord
`

/** Appends waiting for the next batch. */
interface PendingAppend {
  readonly room: string
  readonly update: Uint8Array
  readonly stored: (seq: number) => void
  readonly failed: (error: unknown) => void
}

/**
 * Gathers appends made in one turn of the event loop into one statement: at hundreds of updates a second across
 * rooms, one round trip per update would queue them behind each other.
 */
const createAppendBatcher = (pool: Postgres) => {
  let pending: PendingAppend[] = []
  const flush = async (): Promise<void> => {
    const batch = pending
    pending = []
    try {
      // Named, so each connection plans it once.
      const result = await pool.query<{ ord: string; seq: string }>({
        name: 'chorus-append-batch',
        text: APPEND_BATCH,
        values: [
          batch.map((append) => append.room),
          batch.map((append) =>
            Buffer.from(append.update.buffer, append.update.byteOffset, append.update.byteLength),
          ),
        ],
      })
      for (const row of result.rows) batch[Number(row.ord) - 1]?.stored(Number(row.seq))
    } catch (error) {
      for (const append of batch) append.failed(error)
    }
  }
  return (room: string, update: Uint8Array): Promise<number> =>
    new Promise((stored, failed) => {
      if (pending.length === 0) setImmediate(() => void flush())
      pending.push({ room, update, stored, failed })
    })
}

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
    append: createAppendBatcher(pool),
    compact: (room, state, throughSeq) =>
      inTransaction(pool, async (client) => {
        const locked = await client.query<{ locked: boolean }>(
          `SELECT pg_try_advisory_xact_lock(${COMPACT_LOCK}) AS locked`,
          [room],
        )
        if (locked.rows[0]?.locked !== true) return false
        // The state takes the place of the last row it replaces; rows appended meanwhile come after it and stay.
        await client.query('DELETE FROM chorus_updates WHERE room = $1 AND seq <= $2', [room, throughSeq])
        await client.query('INSERT INTO chorus_updates (room, seq, data) VALUES ($1, $2, $3)', [
          room,
          throughSeq,
          state,
        ])
        return true
      }),
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
