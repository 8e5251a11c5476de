/**
 * Publishing from a cluster's store: `chorus-relay.mjs export --postgres URL` (the bundle, as an operator runs it)
 * packages a course whose updates sit in `chorus_updates` and whose media sit in the PostgreSQL media store, on a
 * real, throwaway PostgreSQL (real-servers.ts). The rows are written here as the relays write them.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CHUNK_BYTES } from '../../relay-server/src/media/media-store'
import { openPostgres, type Postgres } from '../../relay-server/src/postgres/connect'
import { openPostgresMediaStore } from '../../relay-server/src/postgres/media-store'
import { decodeCourseFile, type DecodedCourseFile } from '../../shared/course-file/decode'
import { renameCourse } from '../../shared/course/course-commands'
import { readCourse } from '../../shared/course/read'
import type { CourseId } from '../../shared/course/types'
import { roomName } from '../../shared/protocol/rooms'
import { SAMPLE_FILE, unzipToTemp, validateManifest } from './export-package-support'
import { startPostgres, type RealServer } from './real-servers'
import { runCli, tempDir } from './relay-harness'

const TITLE = 'Published from PostgreSQL'
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

let postgres: RealServer
let pool: Postgres
let sample: DecodedCourseFile
let courseId: CourseId

/** The course as two rows, as a relay appends them: the document, then a later edit (a new title). */
const storeCourse = async (): Promise<void> => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(sample.doc))
  const before = Y.encodeStateVector(doc)
  renameCourse(doc, TITLE)
  const rows = [Y.encodeStateAsUpdate(sample.doc), Y.encodeStateAsUpdate(doc, before)]
  await pool.query(
    `CREATE TABLE IF NOT EXISTS chorus_updates (
       room text NOT NULL, seq bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (room, seq))`,
  )
  const room = roomName({ courseId, kind: 'content' })
  // Inserted out of order: the reader must order by seq, not by insertion.
  for (const [index, row] of [...rows.entries()].reverse())
    await pool.query('INSERT INTO chorus_updates (room, seq, data) VALUES ($1, $2, $3)', [
      room,
      index + 1,
      Buffer.from(row),
    ])
}

const storeMedia = async (): Promise<void> => {
  const media = await openPostgresMediaStore(pool)
  for (const [hash, blob] of sample.media) {
    const upload = media.begin()
    for (let at = 0; at < blob.bytes.length; at += CHUNK_BYTES)
      await upload.append(blob.bytes.subarray(at, at + CHUNK_BYTES))
    expect(await upload.commit(courseId, hash, blob.mime, blob.bytes.length)).toBe(true)
  }
}

beforeAll(async () => {
  const decoded = await decodeCourseFile(await readFile(SAMPLE_FILE))
  if (!decoded.ok) throw new Error(decoded.error.message)
  sample = decoded.value
  courseId = readCourse(sample.doc).meta.id
  expect(sample.media.size).toBeGreaterThan(0)
  postgres = await startPostgres()
  pool = await openPostgres(postgres.url, () => {})
}, 60_000)

afterAll(async () => {
  await pool?.end()
  await postgres?.dispose()
})

const exportFrom = (url: string, format: string, out: string, course: string = courseId) =>
  runCli(['export', '--postgres', url, '--course', course, '--format', format, '--out', out], {
    CHORUS_RELAY_POSTGRES_URL: undefined,
  })

describe('relay export from PostgreSQL', () => {
  it('reads a database no relay has written as holding no course, and creates nothing in it', async () => {
    const out = join(tempDir(), 'none.zip')
    const result = await exportFrom(postgres.url, 'scorm12', out)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[course-not-found]')
    expect(result.stderr).toContain(`PostgreSQL ${postgres.url}`)
    expect(existsSync(out)).toBe(false)
    const tables = await pool.query("SELECT 1 FROM pg_tables WHERE tablename LIKE 'chorus_%'")
    expect(tables.rowCount).toBe(0)
  })

  it('packages the stored course, its rows in order and its media, as a valid SCORM 1.2 zip', async () => {
    await storeCourse()
    await storeMedia()
    const out = join(tempDir(), 'course.zip')
    const result = await exportFrom(postgres.url, 'scorm12', out)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout.trim()).toBe(out)
    expect(result.stderr).not.toContain('warning')
    const zip = await readFile(out)
    const dir = await unzipToTemp(zip)
    const validation = await validateManifest(join(dir, 'imsmanifest.xml'), 'scorm12')
    expect(validation.code, validation.output).toBe(0)
    expect(await readFile(join(dir, 'imsmanifest.xml'), 'utf8')).toContain(TITLE)
    const files = unzipSync(zip)
    for (const [hash, blob] of sample.media) {
      const path = Object.keys(files).find((name) => name.startsWith(`media/${hash}.`))
      expect(path, `media/${hash}.* in the zip`).toBeDefined()
      expect(sha256(files[path ?? ''] ?? new Uint8Array())).toBe(sha256(blob.bytes))
    }

    const unknown = await exportFrom(postgres.url, 'scorm12', join(tempDir(), 'x.zip'), 'NoSuchCourse')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('[course-not-found]')
  }, 60_000)

  it('exits 2 given both --data and --postgres, and 1 naming an unreachable server without its password', async () => {
    const out = join(tempDir(), 'x.zip')
    const both = await runCli(
      [
        'export',
        '--data',
        tempDir(),
        '--postgres',
        postgres.url,
        '--course',
        'C1',
        '--format',
        'web',
        '--out',
        out,
      ],
      {},
    )
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('--data and --postgres both name a store')
    expect(both.stderr).toContain('Usage: npm run relay -- export')
    const unreachable = await exportFrom('postgres://chorus:hunter2pw@127.0.0.1:1/chorus', 'web', out)
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toContain('[storage-failed]')
    expect(unreachable.stderr).toContain('postgres://chorus@127.0.0.1:1/chorus')
    expect(unreachable.stderr).not.toContain('hunter2pw')
    expect(existsSync(out)).toBe(false)
  })
})
