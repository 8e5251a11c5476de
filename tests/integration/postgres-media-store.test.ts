/**
 * The media store on a real, throwaway PostgreSQL (real-servers.ts): what every relay instance of a cluster reads
 * and writes. The same promises as the SQLite store: a blob is visible only once committed, deduplicated per
 * course, read back chunk by chunk; dead uploads are cleaned without touching one another instance is streaming.
 */
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHUNK_BYTES, type MediaStore } from '../../relay-server/src/media/media-store'
import { openPostgres, type Postgres } from '../../relay-server/src/postgres/connect'
import { openPostgresMediaStore } from '../../relay-server/src/postgres/media-store'
import { SNIFF_BYTES } from '../../shared/media/media-types'
import { mediaSample } from '../fixtures/media-bytes'
import type { CourseId } from '../../shared/course/types'
import { mediaBlobUrl } from '../../shared/protocol/media'
import { startPostgres, type RealServer } from './real-servers'
import { killRelays, startRelay, tokenFor } from './relay-harness'

let postgres: RealServer
let pool: Postgres
let store: MediaStore

beforeAll(async () => {
  postgres = await startPostgres()
  pool = await openPostgres(postgres.url, () => {})
  store = await openPostgresMediaStore(pool)
}, 60_000)

afterAll(async () => {
  await pool?.end()
  await postgres?.dispose()
})

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** An mp4 of `size` bytes with random filler, so every blob is new. */
const video = (size: number): Uint8Array => {
  const bytes = mediaSample('mp4', size)
  const header = mediaSample('mp4', 0).length
  bytes.set(randomBytes(size - header), header)
  return bytes
}

/** Uploads `bytes` as the relay does: CHUNK_BYTES at a time, then commit. */
const upload = async (courseId: string, bytes: Uint8Array): Promise<boolean> => {
  const pending = store.begin()
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES)
    await pending.append(bytes.subarray(at, at + CHUNK_BYTES))
  return pending.commit(courseId, sha256(bytes), 'video/mp4', bytes.length)
}

/** Reads a stored blob back as the relay serves it. */
const download = async (courseId: string, hash: string): Promise<Uint8Array | undefined> => {
  const media = await store.get(courseId, hash)
  if (media === undefined) return undefined
  const chunks: Uint8Array[] = []
  for (let seq = 0; seq < Math.ceil(media.size / CHUNK_BYTES); seq++) chunks.push(await media.chunk(seq))
  return Buffer.concat(chunks)
}

const chunkRows = async (): Promise<number> =>
  Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM chorus_media_chunks')).rows[0]?.n)

/** Makes the latest upload look written two hours ago: its relay was killed then, or it stalled since. */
const ageNewestUpload = async (): Promise<void> => {
  await pool.query(
    `UPDATE chorus_media_chunks SET written_at = now() - interval '2 hours'
     WHERE blob = (SELECT max(blob) FROM chorus_media_chunks)`,
  )
}

describe('PostgreSQL media store', () => {
  it('stores a blob of several chunks and serves it back byte for byte, with its type and head', async () => {
    const bytes = video(2 * CHUNK_BYTES + 12_345)
    const hash = sha256(bytes)
    expect(await store.has('course1', hash)).toBe(false)
    expect(await upload('course1', bytes)).toBe(true)
    expect(await store.has('course1', hash)).toBe(true)
    const media = await store.get('course1', hash)
    expect(media).toMatchObject({ mime: 'video/mp4', size: bytes.length })
    expect(Buffer.from((await media?.head()) ?? []).equals(Buffer.from(bytes.subarray(0, SNIFF_BYTES)))).toBe(
      true,
    )
    expect(sha256((await download('course1', hash)) ?? new Uint8Array())).toBe(hash)
    // Held per course: another course does not have it.
    expect(await store.get('course2', hash)).toBeUndefined()
  })

  it('keeps one copy per course: a second upload of the same blob reports it held and leaves no chunks', async () => {
    const bytes = video(CHUNK_BYTES + 10)
    const before = await chunkRows()
    expect(await upload('course1', bytes)).toBe(true)
    expect(await upload('course1', bytes)).toBe(false)
    expect(await chunkRows()).toBe(before + 2)
    expect(await upload('course2', bytes)).toBe(true)
    expect(await store.missing('course1', ['f'.repeat(64), sha256(bytes), 'e'.repeat(64)])).toEqual([
      'f'.repeat(64),
      'e'.repeat(64),
    ])
  })

  it('shows nothing of an upload until its commit, and leaves nothing of an aborted one', async () => {
    const bytes = video(CHUNK_BYTES + 99)
    const hash = sha256(bytes)
    const before = await chunkRows()
    const pending = store.begin()
    await pending.append(bytes.subarray(0, CHUNK_BYTES))
    expect(await store.has('course3', hash)).toBe(false)
    expect(await store.get('course3', hash)).toBeUndefined()
    expect(await chunkRows()).toBe(before + 1)
    await pending.abort()
    expect(await chunkRows()).toBe(before)
    expect(await store.has('course3', hash)).toBe(false)
  })

  it('cleans dead uploads at open but not one that another instance is streaming, nor stored blobs', async () => {
    const stored = video(3000)
    await upload('course4', stored)
    const dead = store.begin()
    await dead.append(video(CHUNK_BYTES))
    await ageNewestUpload()
    const live = store.begin()
    await live.append(video(CHUNK_BYTES))
    const before = await chunkRows()
    await openPostgresMediaStore(pool)
    expect(await chunkRows()).toBe(before - 1)
    expect(sha256((await download('course4', sha256(stored))) ?? new Uint8Array())).toBe(sha256(stored))
    await live.abort()
  })

  it('refuses to publish an upload whose chunks were cleaned while it stalled', async () => {
    const bytes = video(CHUNK_BYTES + 5)
    const pending = store.begin()
    await pending.append(bytes.subarray(0, CHUNK_BYTES))
    await ageNewestUpload()
    await openPostgresMediaStore(pool)
    await pending.append(bytes.subarray(CHUNK_BYTES))
    await expect(pending.commit('course5', sha256(bytes), 'video/mp4', bytes.length)).rejects.toThrow(
      /lost chunks/,
    )
    expect(await store.has('course5', sha256(bytes))).toBe(false)
    await pending.abort()
  })
})

const RELAY_COURSE = 'pgMediaCourse' as CourseId

describe('media through a relay on PostgreSQL', () => {
  afterAll(() => killRelays())

  it('streams an upload of several chunks into PostgreSQL and serves it back byte for byte', async () => {
    const relay = await startRelay({ args: ['--postgres', postgres.url] })
    const bytes = video(2 * CHUNK_BYTES + 777)
    const hash = sha256(bytes)
    const token = await tokenFor(RELAY_COURSE, 'author')
    const put = (body: Uint8Array) =>
      fetch(mediaBlobUrl(relay.url, RELAY_COURSE, hash, token), {
        method: 'PUT',
        headers: { 'content-type': 'video/mp4' },
        body: new Uint8Array(body),
      })
    const wrong = new Uint8Array(bytes)
    // Its last chunk changed: the bytes hash to another name, found only once all three chunks are written.
    wrong.fill(0, bytes.length - 16)
    const before = await chunkRows()
    expect((await put(wrong)).status).toBe(422)
    expect(await chunkRows()).toBe(before)
    expect((await put(bytes)).status).toBe(201)
    expect(await store.has(RELAY_COURSE, hash)).toBe(true)
    const served = await fetch(mediaBlobUrl(relay.url, RELAY_COURSE, hash, token))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('video/mp4')
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(hash)
  }, 60_000)
})
