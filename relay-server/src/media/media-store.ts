import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SNIFF_BYTES } from '../../../shared/media/media-types'
import { DATABASE_FILE } from '../store/sqlite'

/**
 * Media blobs in the relay's SQLite file, beside the rooms' updates (one file to back up). A blob is stored as
 * chunks written while its upload streams in, so neither the relay nor SQLite holds a whole video in memory, and
 * the event loop blocks for one chunk at a time, not for a 200 MB write. A blob becomes visible only when its
 * `media` row is written, in one transaction, after its hash was verified; chunks of an upload that never got
 * there (a client gone, a relay killed) are deleted when the store opens.
 *
 * The tables are an addition to schema 1, not a change: an older relay opens the file and ignores them.
 */
export const CHUNK_BYTES = 1024 * 1024

export interface StoredMedia {
  readonly mime: string
  readonly size: number
  /** The blob's first SNIFF_BYTES (shared/media/media-types.ts), read without loading a whole chunk. */
  head(): Promise<Uint8Array>
  /** Reads chunk `seq` (0-based; `ceil(size / CHUNK_BYTES)` of them). */
  chunk(seq: number): Promise<Uint8Array>
}

/**
 * One upload in progress. Each method writes at once and rejects on failure; the caller waits for each call
 * before the next, and may reuse a chunk's buffer once `append` resolved.
 */
export interface MediaUpload {
  append(chunk: Uint8Array): Promise<void>
  /** Publishes the verified blob; false when the course already held it (this upload's chunks are dropped). */
  commit(courseId: string, hash: string, mime: string, size: number): Promise<boolean>
  /** Drops what was written. Never rejects: it runs on paths that are already failing. */
  abort(): Promise<void>
}

/**
 * Where media blobs live: the relay's SQLite file (here) or PostgreSQL (postgres/media-store.ts). Asynchronous
 * because the shared one is across a network; the SQLite one answers at once.
 */
export interface MediaStore {
  has(courseId: string, hash: string): Promise<boolean>
  /** Those of `hashes` the course does not hold, in the order given. */
  missing(courseId: string, hashes: readonly string[]): Promise<string[]>
  get(courseId: string, hash: string): Promise<StoredMedia | undefined>
  begin(): MediaUpload
  /** Closes what the store opened itself (a PostgreSQL one shares its caller's pool, which the caller ends). */
  close(): void
}

const createSchema = (db: Database.Database): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS media (
      course TEXT NOT NULL,
      hash TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      blob INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (course, hash)
    );
    CREATE TABLE IF NOT EXISTS media_chunks (
      id INTEGER PRIMARY KEY,
      blob INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      data BLOB NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS media_chunks_by_blob ON media_chunks (blob, seq);
  `)
}

/**
 * Opens the media tables through a connection of its own to the rooms' database file (already created, in WAL
 * mode, by the room store). Both connections live on the relay's one thread and every statement completes
 * synchronously, so they never hold the write lock at the same time.
 */
export const openMediaStore = (dataDir: string): MediaStore => {
  const db = new Database(join(dataDir, DATABASE_FILE), { timeout: 0 })
  db.pragma('synchronous = NORMAL')
  db.pragma('cache_size = -512')
  createSchema(db)
  db.exec('DELETE FROM media_chunks WHERE blob NOT IN (SELECT blob FROM media)')
  const { last } = db
    .prepare<[], { last: number | null }>(
      'SELECT max(m) AS last FROM (SELECT max(blob) AS m FROM media UNION ALL SELECT max(blob) FROM media_chunks)',
    )
    .get() ?? { last: null }
  let nextBlob = (last ?? 0) + 1

  const exists = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM media WHERE course = ? AND hash = ?',
  )
  const select = db.prepare<[string, string], { mime: string; size: number; blob: number }>(
    'SELECT mime, size, blob FROM media WHERE course = ? AND hash = ?',
  )
  const selectChunk = db.prepare<[number, number], { data: Buffer }>(
    'SELECT data FROM media_chunks WHERE blob = ? AND seq = ?',
  )
  const selectHead = db.prepare<[number], { head: Buffer }>(
    `SELECT substr(data, 1, ${SNIFF_BYTES}) AS head FROM media_chunks WHERE blob = ? AND seq = 0`,
  )
  const insertChunk = db.prepare<[number, number, Uint8Array]>(
    'INSERT INTO media_chunks (blob, seq, data) VALUES (?, ?, ?)',
  )
  const insertMedia = db.prepare<[string, string, string, number, number, number]>(
    'INSERT INTO media (course, hash, mime, size, blob, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const dropChunks = db.prepare<[number]>('DELETE FROM media_chunks WHERE blob = ?')
  const commit = db.transaction(
    (blob: number, courseId: string, hash: string, mime: string, size: number): boolean => {
      if (exists.get(courseId, hash) !== undefined) {
        dropChunks.run(blob)
        return false
      }
      insertMedia.run(courseId, hash, mime, size, blob, Date.now())
      return true
    },
  )

  return {
    has: async (courseId, hash) => exists.get(courseId, hash) !== undefined,
    missing: async (courseId, hashes) => hashes.filter((hash) => exists.get(courseId, hash) === undefined),
    async get(courseId, hash) {
      const row = select.get(courseId, hash)
      if (row === undefined) return undefined
      return {
        mime: row.mime,
        size: row.size,
        head: async () => selectHead.get(row.blob)?.head ?? new Uint8Array(0),
        async chunk(seq) {
          const found = selectChunk.get(row.blob, seq)
          if (found === undefined) throw new Error(`media chunk ${seq} of ${courseId}/${hash} is missing`)
          return found.data
        },
      }
    },
    begin() {
      const blob = nextBlob++
      let seq = 0
      return {
        async append(chunk) {
          insertChunk.run(blob, seq, chunk)
          seq++
        },
        commit: async (courseId, hash, mime, size) => commit(blob, courseId, hash, mime, size),
        async abort() {
          try {
            if (db.open) dropChunks.run(blob)
          } catch {
            // Left for the next start-up, which deletes chunks no blob owns.
          }
        },
      }
    },
    close() {
      if (db.open) db.close()
    },
  }
}
