/**
 * Media blobs through the real relay process: HTTP beside the WebSocket, the same tokens, stored in the relay's
 * SQLite file before the upload is answered.
 */
import { createHash, randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../relay-server/src/store/sqlite'
import type { CourseId } from '../../shared/course/types'
import { mediaBlobUrl, mediaMissingUrl } from '../../shared/protocol/media'
import { mediaSample, SCRIPTED_HTML, SCRIPTED_SVG } from '../fixtures/media-bytes'
import { makePng } from '../fixtures/png'
import type { Role } from '../../shared/protocol/token'
import { killRelays, startRelay, tokenFor, type RelayProcess } from './relay-harness'

const COURSE = 'mediaCourse1' as CourseId
const MAX_MEDIA_BYTES = 4 * 1024 * 1024
let relay: RelayProcess

beforeAll(async () => {
  relay = await startRelay({ args: ['--max-media-bytes', String(MAX_MEDIA_BYTES)] })
})
afterAll(() => killRelays())

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Random bytes behind a real media header: the relay takes a blob for what its leading bytes are. */
const media = (format: 'png' | 'mp4' | 'mp3', size: number): Uint8Array<ArrayBuffer> => {
  const bytes = mediaSample(format, size)
  const header = mediaSample(format, 0).length
  bytes.set(randomBytes(size - header), header)
  return bytes
}

const token = (role: Role, course: string = COURSE): Promise<string> => tokenFor(course, role)

const put = async (
  bytes: Uint8Array<ArrayBuffer>,
  options: { hash?: string; token?: string; mime?: string } = {},
) =>
  fetch(
    mediaBlobUrl(relay.url, COURSE, options.hash ?? sha256(bytes), options.token ?? (await token('author'))),
    {
      method: 'PUT',
      headers: { 'content-type': options.mime ?? 'image/png' },
      body: bytes,
    },
  )

const get = async (hash: string, withToken?: string) =>
  fetch(mediaBlobUrl(relay.url, COURSE, hash, withToken ?? (await token('viewer'))))

const missing = async (hashes: readonly string[], withToken?: string): Promise<string[]> => {
  const response = await fetch(mediaMissingUrl(relay.url, COURSE, withToken ?? (await token('reviewer'))), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(hashes),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as string[]
}

const chunkRows = (dataDir: string): number => {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  const { count } = db.prepare<[], { count: number }>('SELECT count(*) AS count FROM media_chunks').get() ?? {
    count: -1,
  }
  db.close()
  return count
}

/** Streams `total` bytes without a Content-Length, as a browser uploading a stream would; resolves to the status. */
const putStreamed = (url: string, total: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'PUT', headers: { 'content-type': 'video/mp4' } })
    let answered = false
    req.on('response', (response) => {
      answered = true
      resolve(response.statusCode ?? 0)
      req.destroy()
    })
    // Once the relay has answered and hung up, our remaining writes may fail: that is the point.
    req.on('error', (error) => (answered ? undefined : reject(error)))
    const piece = media('mp4', 64 * 1024)
    let sent = 0
    const pump = (): void => {
      while (sent < total && !answered) {
        sent += piece.length
        if (!req.write(piece)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    pump()
  })

describe('relay media', () => {
  it('stores an upload and serves it back byte for byte, with its type and an immutable cache policy', async () => {
    // Several SQLite chunks, with a tail that is not a whole chunk.
    const bytes = media('png', 2 * 1024 * 1024 + 12_345)
    const hash = sha256(bytes)
    expect(await missing([hash])).toEqual([hash])

    const stored = await put(bytes)
    expect(stored.status).toBe(201)
    expect(stored.headers.get('access-control-allow-origin')).toBe('*')
    expect(await missing([hash, sha256(new Uint8Array([1]))])).toEqual([sha256(new Uint8Array([1]))])

    const served = await get(hash)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('cache-control')).toMatch(/immutable/)
    expect(served.headers.get('access-control-allow-origin')).toBe('*')
    expect(Number(served.headers.get('content-length'))).toBe(bytes.length)
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(hash)

    // The same bytes again: nothing new to store.
    expect((await put(bytes)).status).toBe(200)
    expect((await get(sha256(new Uint8Array([9, 9])))).status).toBe(404)
  })

  it('answers CORS preflights so the app can call it from its own origin', async () => {
    const response = await fetch(mediaBlobUrl(relay.url, COURSE, sha256(new Uint8Array([1])), 'x'), {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'PUT' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT')
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type')
  })

  it('refuses bytes that do not match their hash, and keeps nothing of them', async () => {
    const bytes = media('png', 1500)
    const claimed = sha256(new Uint8Array([7, 7, 7]))
    const response = await put(bytes, { hash: claimed })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain(sha256(bytes))
    expect((await get(claimed)).status).toBe(404)
    expect(await missing([claimed])).toEqual([claimed])
  })

  it('answers 413 beyond --max-media-bytes, declared or streamed, and keeps nothing', async () => {
    const big = new Uint8Array(MAX_MEDIA_BYTES + 1)
    expect((await put(big)).status).toBe(413)
    const streamedHash = sha256(new Uint8Array([4, 1, 3]))
    const status = await putStreamed(
      mediaBlobUrl(relay.url, COURSE, streamedHash, await token('author')),
      MAX_MEDIA_BYTES + 512 * 1024,
    )
    expect(status).toBe(413)
    expect((await get(streamedHash)).status).toBe(404)
    await expect.poll(() => chunkRows(relay.dataDir)).toBe(3) // only the first test's blob
  })

  it('refuses bytes that are not media by their leading bytes, whatever Content-Type says, and keeps nothing', async () => {
    const before = chunkRows(relay.dataDir)
    const svg = new Uint8Array(SCRIPTED_SVG)
    for (const mime of ['image/svg+xml', 'image/png', 'video/mp4']) {
      const response = await put(svg, { mime })
      expect(response.status, mime).toBe(415)
      expect(await response.text()).toMatch(/not an allowed media type \(PNG, JPG, GIF, WEBP/)
    }
    const html = new Uint8Array(SCRIPTED_HTML)
    expect((await put(html, { mime: 'image/jpeg' })).status).toBe(415)
    // A short body is judged once it ends; a long one at its first bytes, before anything is written.
    expect((await put(new Uint8Array([1, 2]), { mime: 'image/png' })).status).toBe(415)
    const longText = new Uint8Array(3 * 1024 * 1024).fill(0x3c)
    expect((await put(longText, { mime: 'video/mp4' })).status).toBe(415)

    for (const bytes of [svg, html, longText]) {
      expect((await get(sha256(bytes))).status).toBe(404)
      expect(await missing([sha256(bytes)])).toEqual([sha256(bytes)])
    }
    expect(chunkRows(relay.dataDir)).toBe(before)
    expect(
      relay.logs.some(
        (line) => line.event === 'media-refused' && line.status === 415 && line.hash === sha256(svg),
      ),
    ).toBe(true)
  })

  it('stores what the bytes are, not what was declared, and serves it as that with nosniff', async () => {
    const png = new Uint8Array(makePng(4, 4, (x, y) => [x * 60, y * 60, 7]))
    expect((await put(png, { mime: 'image/jpeg' })).status).toBe(201)
    const served = await get(sha256(png))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(png))
  })

  it('does not serve a blob stored before bytes were checked when it is not media', async () => {
    const own = await startRelay()
    const svg = new Uint8Array(SCRIPTED_SVG)
    const hash = sha256(svg)
    // What an older relay wrote for `PUT` of an SVG: a media row and its one chunk, under the declared type.
    const db = new Database(join(own.dataDir, DATABASE_FILE))
    db.prepare('INSERT INTO media_chunks (blob, seq, data) VALUES (?, 0, ?)').run(900, svg)
    db.prepare(
      'INSERT INTO media (course, hash, mime, size, blob, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(COURSE, hash, 'image/svg+xml', svg.length, 900, Date.now())
    db.close()
    const served = await fetch(mediaBlobUrl(own.url, COURSE, hash, await token('viewer')))
    expect(served.status).toBe(415)
    expect(served.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await served.text()).toMatch(/does not serve it: its bytes are not an allowed media type/)
  })

  it('checks tokens as the WebSocket does: 401 missing, forged or expired; 403 other course or a reader writing', async () => {
    const bytes = media('png', 100)
    const hash = sha256(bytes)
    const noToken = await fetch(mediaBlobUrl(relay.url, COURSE, hash, '').replace(/\?token=$/, ''))
    expect(noToken.status).toBe(401)
    expect(noToken.headers.get('access-control-allow-origin')).toBe('*')
    const forged = await tokenFor(COURSE, 'author', {
      secret: 'some-other-secret-which-is-also-32-chars-long',
    })
    expect((await put(bytes, { token: forged })).status).toBe(401)
    const expired = await tokenFor(COURSE, 'author', { nowSeconds: Math.floor(Date.now() / 1000) - 7200 })
    expect((await put(bytes, { token: expired })).status).toBe(401)
    expect((await get(hash, expired)).status).toBe(401)
    expect((await put(bytes, { token: await token('author', 'otherCourse') })).status).toBe(403)
    expect((await get(hash, await token('viewer', 'otherCourse'))).status).toBe(403)
    expect((await put(bytes, { token: await token('reviewer') })).status).toBe(403)
    expect((await put(bytes, { token: await token('viewer') })).status).toBe(403)
    expect(await missing([hash])).toEqual([hash])

    // A token for every course may write, and readers of any role may then read.
    expect((await put(bytes, { token: await token('author', '*') })).status).toBe(201)
    for (const role of ['author', 'reviewer', 'viewer'] as const)
      expect((await get(hash, await token(role))).status).toBe(200)
    await expect
      .poll(() => relay.logs.filter((line) => line.event === 'media-refused' && line.status === 403).length)
      .toBeGreaterThanOrEqual(4)
    expect(JSON.stringify(relay.logs)).not.toContain(forged)
  })

  it('keeps an answered upload across a relay killed at once and restarted on the same data', async () => {
    const own = await startRelay()
    const bytes = media('mp3', 300_000)
    const hash = sha256(bytes)
    const authorToken = await token('author')
    const stored = await fetch(mediaBlobUrl(own.url, COURSE, hash, authorToken), {
      method: 'PUT',
      headers: { 'content-type': 'audio/mpeg' },
      body: bytes,
    })
    expect(stored.status).toBe(201)
    await own.kill()

    const restarted = await startRelay({ dataDir: own.dataDir })
    const served = await fetch(mediaBlobUrl(restarted.url, COURSE, hash, authorToken))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('audio/mpeg')
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(hash)
  })

  it('drops the chunks of an upload cut short by a killed relay when it starts again', async () => {
    const own = await startRelay()
    const hash = sha256(new Uint8Array([3, 1, 4, 1, 5]))
    const req = httpRequest(mediaBlobUrl(own.url, COURSE, hash, await token('author')), {
      method: 'PUT',
      headers: { 'content-type': 'video/mp4' },
    })
    req.on('error', () => {}) // The relay dies mid-upload: that is the point.
    req.write(media('mp4', 1536 * 1024))
    await expect.poll(() => chunkRows(own.dataDir)).toBeGreaterThanOrEqual(1)
    await own.kill()
    req.destroy()

    const restarted = await startRelay({ dataDir: own.dataDir })
    expect(chunkRows(restarted.dataDir)).toBe(0)
    expect((await fetch(mediaBlobUrl(restarted.url, COURSE, hash, await token('viewer')))).status).toBe(404)
  })
})
