import { SNIFF_BYTES } from '../../../shared/media/media-types'
import type { MediaStore } from '../media/media-store'
import { inTransaction, withSchemaLock, type Postgres } from './connect'

/**
 * Media blobs in PostgreSQL, shared by every relay instance: the same scheme as the SQLite store
 * (media/media-store.ts). An upload writes its chunks (CHUNK_BYTES each, the last one shorter) under a blob id from a sequence, so instances never
 * collide, and the blob becomes visible only when its `chorus_media` row commits, after its hash was verified.
 *
 * Chunks no media row owns are the remains of dead uploads, but another instance may be streaming one right now,
 * so start-up deletes only blobs whose newest chunk is older than ORPHAN_AGE, by the database's clock (one clock
 * for every instance): a live upload writes a chunk far more often than that. Should a stalled upload's chunks be
 * deleted anyway, its commit finds them incomplete and fails rather than publish a damaged blob.
 */
const ORPHAN_AGE = '1 hour'

const SCHEMA = `
  CREATE SEQUENCE IF NOT EXISTS chorus_media_blobs;
  CREATE TABLE IF NOT EXISTS chorus_media (
    course text NOT NULL,
    hash text NOT NULL,
    mime text NOT NULL,
    size bigint NOT NULL,
    blob bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course, hash)
  );
  CREATE TABLE IF NOT EXISTS chorus_media_chunks (
    blob bigint NOT NULL,
    seq integer NOT NULL,
    data bytea NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (blob, seq)
  );
`

const DROP_ORPHANS = `
  DELETE FROM chorus_media_chunks
  WHERE blob IN (
    SELECT c.blob FROM chorus_media_chunks c
    WHERE NOT EXISTS (SELECT 1 FROM chorus_media m WHERE m.blob = c.blob)
    GROUP BY c.blob
    HAVING max(c.written_at) < now() - interval '${ORPHAN_AGE}'
  )
`

const toBytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/** Creates the tables if needed and drops dead uploads; the pool stays the caller's to end. */
export const openPostgresMediaStore = async (pool: Postgres): Promise<MediaStore> => {
  await withSchemaLock(pool, SCHEMA)
  await pool.query(DROP_ORPHANS)

  const held = async (courseId: string, hashes: readonly string[]): Promise<Set<string>> => {
    const { rows } = await pool.query<{ hash: string }>(
      'SELECT hash FROM chorus_media WHERE course = $1 AND hash = ANY($2::text[])',
      [courseId, hashes],
    )
    return new Set(rows.map((row) => row.hash))
  }

  const dropChunks = async (blob: string): Promise<void> => {
    await pool.query('DELETE FROM chorus_media_chunks WHERE blob = $1', [blob])
  }

  /** Publishes the blob in one transaction, if all its chunks are there and the course does not hold it yet. */
  const publish = async (
    blob: string,
    chunks: number,
    courseId: string,
    hash: string,
    mime: string,
    size: number,
  ): Promise<boolean> =>
    inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ chunks: number; bytes: string }>(
        'SELECT count(*)::int AS chunks, coalesce(sum(octet_length(data)), 0)::text AS bytes FROM chorus_media_chunks WHERE blob = $1',
        [blob],
      )
      const found = rows[0]
      if (found?.chunks !== chunks || Number(found.bytes) !== size)
        throw new Error(`upload ${blob} lost chunks while it ran (${found?.chunks ?? 0} of ${chunks} left)`)
      const inserted = await client.query(
        'INSERT INTO chorus_media (course, hash, mime, size, blob) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [courseId, hash, mime, size, blob],
      )
      const added = inserted.rowCount === 1
      if (!added) await client.query('DELETE FROM chorus_media_chunks WHERE blob = $1', [blob])
      return added
    })

  return {
    has: async (courseId, hash) => (await held(courseId, [hash])).has(hash),
    async missing(courseId, hashes) {
      const found = await held(courseId, hashes)
      return hashes.filter((hash) => !found.has(hash))
    },
    async get(courseId, hash) {
      const { rows } = await pool.query<{ mime: string; size: string; blob: string }>(
        'SELECT mime, size::text, blob::text FROM chorus_media WHERE course = $1 AND hash = $2',
        [courseId, hash],
      )
      const row = rows[0]
      if (row === undefined) return undefined
      return {
        mime: row.mime,
        size: Number(row.size),
        async head() {
          const head = await pool.query<{ head: Buffer }>(
            `SELECT substring(data FROM 1 FOR ${SNIFF_BYTES}) AS head FROM chorus_media_chunks WHERE blob = $1 AND seq = 0`,
            [row.blob],
          )
          return head.rows[0] === undefined ? new Uint8Array(0) : toBytes(head.rows[0].head)
        },
        async chunk(seq) {
          const found = await pool.query<{ data: Buffer }>(
            'SELECT data FROM chorus_media_chunks WHERE blob = $1 AND seq = $2',
            [row.blob, seq],
          )
          if (found.rows[0] === undefined)
            throw new Error(`media chunk ${seq} of ${courseId}/${hash} is missing`)
          return toBytes(found.rows[0].data)
        },
      }
    },
    begin() {
      // The id is drawn with the first chunk: an upload refused before any write costs no round trip.
      let blob: Promise<string> | null = null
      const blobId = (): Promise<string> =>
        (blob ??= pool
          .query<{ id: string }>("SELECT nextval('chorus_media_blobs')::text AS id")
          .then(({ rows }) => String(rows[0]?.id)))
      let seq = 0
      return {
        async append(chunk) {
          await pool.query('INSERT INTO chorus_media_chunks (blob, seq, data) VALUES ($1, $2, $3)', [
            await blobId(),
            seq,
            Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
          ])
          seq++
        },
        commit: async (courseId, hash, mime, size) =>
          publish(await blobId(), seq, courseId, hash, mime, size),
        async abort() {
          if (blob === null) return
          try {
            await dropChunks(await blob)
          } catch {
            // Left for a later start-up, which deletes chunks no blob owns once they are old enough.
          }
        },
      }
    },
    close() {
      // Nothing of its own to close: the pool belongs to whoever opened it.
    },
  }
}
