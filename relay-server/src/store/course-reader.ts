import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { MediaBlob } from '../../../shared/export/types'
import { DATABASE_FILE } from './sqlite'

/** A course as the relay stores it: its content room's updates, in order, and every media blob it holds. */
export interface StoredCourse {
  readonly updates: readonly Uint8Array[]
  readonly media: ReadonlyMap<string, MediaBlob>
}

/**
 * Reads courses out of a relay's store without being the relay: for server-side export, which may run while the
 * relay serves the same store. Read-only: it never creates, migrates or cleans anything.
 * This is the read side of the store seam (store/open-stores.ts); PostgreSQL has its own
 * (postgres/course-reader.ts).
 */
export interface CourseReader {
  /** Undefined when the store holds nothing for the course. Rejects when the store cannot be read. */
  read(room: string, courseId: string): Promise<StoredCourse | undefined>
  /** Closes what the reader opened itself (a PostgreSQL one shares its caller's pool, which the caller ends). */
  close(): void
}

const toBytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/** Throws when `dataDir` holds no relay store (or one that cannot be opened). */
export const openSqliteCourseReader = (dataDir: string): CourseReader => {
  // Read-only and fileMustExist: a mistyped --data must fail, not create an empty store. WAL lets this read a
  // consistent snapshot beside a running relay.
  const db = new Database(join(dataDir, DATABASE_FILE), {
    readonly: true,
    fileMustExist: true,
    timeout: 5_000,
  })
  try {
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((row) => row.name),
    )
    if (!tables.has('updates')) throw new Error(`${DATABASE_FILE} holds no relay data`)
    const hasMedia = tables.has('media') && tables.has('media_chunks')
    const selectUpdates = db.prepare<[string], { data: Buffer }>(
      'SELECT data FROM updates WHERE room = ? ORDER BY id',
    )
    const selectMedia = hasMedia
      ? db.prepare<[string], { hash: string; mime: string; size: number; blob: number }>(
          'SELECT hash, mime, size, blob FROM media WHERE course = ? ORDER BY hash',
        )
      : null
    const selectChunks = hasMedia
      ? db.prepare<[number], { data: Buffer }>('SELECT data FROM media_chunks WHERE blob = ? ORDER BY seq')
      : null

    const readMedia = (courseId: string): Map<string, MediaBlob> => {
      const media = new Map<string, MediaBlob>()
      for (const row of selectMedia?.all(courseId) ?? []) {
        const bytes = Buffer.concat(selectChunks?.all(row.blob).map((chunk) => chunk.data) ?? [])
        if (bytes.byteLength !== row.size)
          throw new Error(`media ${row.hash} of ${courseId} has ${bytes.byteLength} of its ${row.size} bytes`)
        media.set(row.hash, { bytes: toBytes(bytes), mime: row.mime })
      }
      return media
    }

    return {
      read: async (room, courseId) =>
        // One read transaction: the document and its media come from the same moment of the store.
        db.transaction(() => {
          const updates = selectUpdates.all(room).map((row) => toBytes(row.data))
          return updates.length === 0 ? undefined : { updates, media: readMedia(courseId) }
        })(),
      close: () => db.close(),
    }
  } catch (error) {
    db.close()
    throw error
  }
}
