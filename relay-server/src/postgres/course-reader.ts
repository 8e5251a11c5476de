import type { MediaBlob } from '../../../shared/export/types'
import type { CourseReader } from '../store/course-reader'
import type { Postgres } from './connect'

const toBytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/**
 * Reads courses out of the relays' PostgreSQL database without being a relay: rooms' updates from
 * `chorus_updates`, media from `chorus_media` (postgres/media-store.ts). Read-only: it never creates a table, so a
 * database no relay has written yet reads as holding nothing. The pool stays the caller's to end.
 */
export const openPostgresCourseReader = (pool: Postgres): CourseReader => ({
  async read(room, courseId) {
    const client = await pool.connect()
    try {
      // One snapshot: the document and its media come from the same moment, whatever the relays write meanwhile.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const { rows: tables } = await client.query<{ updates: boolean; media: boolean }>(
        `SELECT to_regclass('chorus_updates') IS NOT NULL AS updates,
                to_regclass('chorus_media') IS NOT NULL AND to_regclass('chorus_media_chunks') IS NOT NULL AS media`,
      )
      if (tables[0]?.updates !== true) return undefined
      const { rows: updates } = await client.query<{ data: Buffer }>(
        'SELECT data FROM chorus_updates WHERE room = $1 ORDER BY seq',
        [room],
      )
      if (updates.length === 0) return undefined
      const media = new Map<string, MediaBlob>()
      if (tables[0].media) {
        const { rows } = await client.query<{ hash: string; mime: string; size: string; blob: string }>(
          'SELECT hash, mime, size::text AS size, blob::text AS blob FROM chorus_media WHERE course = $1 ORDER BY hash',
          [courseId],
        )
        // Chunk by chunk, not one aggregated value: bytea travels as hex, so a whole video at once would cost
        // twice its size in one string.
        for (const row of rows) {
          const chunks = await client.query<{ data: Buffer }>(
            'SELECT data FROM chorus_media_chunks WHERE blob = $1 ORDER BY seq',
            [row.blob],
          )
          const bytes = Buffer.concat(chunks.rows.map((chunk) => chunk.data))
          if (bytes.byteLength !== Number(row.size))
            throw new Error(
              `media ${row.hash} of ${courseId} has ${bytes.byteLength} of its ${row.size} bytes`,
            )
          media.set(row.hash, { bytes: toBytes(bytes), mime: row.mime })
        }
      }
      return { updates: updates.map((row) => toBytes(row.data)), media }
    } finally {
      await client.query('ROLLBACK').catch(() => {})
      client.release()
    }
  },
  close() {
    // Nothing of its own to close: the pool belongs to whoever opened it.
  },
})
