/**
 * The app's media sync (renderer/src/sync/media-sync.ts) against the real relay process, in Node: real
 * IndexedDB code on fake-indexeddb, real Y.Docs, real HTTP. Only the connection status is driven by the test,
 * standing in for the WebSocket provider so "the relay came back" can be said exactly when wanted.
 */
// Dexie's liveQuery reads the global indexedDB when Dexie loads, so the global fake must come first.
import 'fake-indexeddb/auto'
import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { DATABASE_FILE } from '../../relay-server/src/store/sqlite'
import type { ConnectionStatus } from '../../renderer/src/sync/course-sync'
import { startMediaSync, type MediaSync } from '../../renderer/src/sync/media-sync'
import { summarizeTransfers, type TransferSummary } from '../../renderer/src/sync/media-transfer-state'
import { putMedia } from '../../renderer/src/media/media-store'
import { openChorusDb, type ChorusDb } from '../../renderer/src/storage/db'
import { addLesson, addSection, createCourse, writeLessonContent } from '../../shared/course/commands'
import { NODE } from '../../shared/course/content'
import { newCourseId } from '../../shared/course/ids'
import type { CourseId, LessonId } from '../../shared/course/types'
import { mediaBlobUrl } from '../../shared/protocol/media'
import type { Role } from '../../shared/protocol/token'
import { mediaSample, SCRIPTED_SVG } from '../fixtures/media-bytes'
import { killRelays, startRelay, tokenFor, type RelayProcess } from './relay-harness'

let relay: RelayProcess
const running = new Set<MediaSync>()

beforeAll(async () => {
  relay = await startRelay()
})
afterEach(() => {
  for (const sync of running) sync.stop()
  running.clear()
  vi.restoreAllMocks()
})
afterAll(() => killRelays())

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** A connection status the test switches, with the subscribe/getStatus shape of CourseSync. */
type LiveKind = Exclude<ConnectionStatus['kind'], 'refused'>
const statusSwitch = (initial: LiveKind) => {
  let status: ConnectionStatus = { kind: initial, unacknowledged: 0 }
  const listeners = new Set<(status: ConnectionStatus) => void>()
  return {
    getStatus: () => status,
    subscribe(listener: (status: ConnectionStatus) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    set(kind: LiveKind) {
      status = { kind, unacknowledged: status.unacknowledged }
      listeners.forEach((listener) => listener(status))
    },
  }
}

interface Device {
  readonly db: ChorusDb
  readonly doc: Y.Doc
  readonly connection: ReturnType<typeof statusSwitch>
  /** Every transfer state media sync reported, summarized, oldest first. */
  readonly transfers: TransferSummary[]
}

const device = async (
  courseId: CourseId,
  role: Role,
  shared: Y.Doc,
  online = true,
  relayUrl = relay.url,
): Promise<Device> => {
  const db = openChorusDb(`device-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange })
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(shared))
  shared.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update))
  const connection = statusSwitch(online ? 'synced' : 'offline')
  const token = await tokenFor(courseId, role)
  const transfers: TransferSummary[] = []
  const onTransfers = (state: Parameters<typeof summarizeTransfers>[0]) =>
    transfers.push(summarizeTransfers(state))
  const endpoint = { relayUrl, courseId, token }
  running.add(startMediaSync({ db, doc, endpoint, connection, onTransfers }))
  return { db, doc, connection, transfers }
}

const course = (): { courseId: CourseId; doc: Y.Doc; lessonId: LessonId } => {
  const doc = new Y.Doc()
  const courseId = newCourseId()
  createCourse(doc, { id: courseId, title: 'Media' })
  const lessonId = addLesson(doc, { sectionId: addSection(doc, { title: 'S' }), title: 'L' })
  return { courseId, doc, lessonId }
}

const showImage = (doc: Y.Doc, lessonId: LessonId, hash: string): void =>
  writeLessonContent(doc, lessonId, {
    type: NODE.doc,
    content: [{ type: NODE.image, attrs: { hash, alt: '', mime: 'image/png' } }],
  })

/** As inserting an image does: stored for the course, and the course associated with it. */
const storeLocally = (db: ChorusDb, courseId: CourseId, bytes: Uint8Array): Promise<string> =>
  putMedia(db, courseId, bytes, 'image/png')

/** A PNG header and random bytes: media by its leading bytes, and unique. */
const png = (size: number): Uint8Array<ArrayBuffer> => {
  const bytes = mediaSample('png', size)
  const header = mediaSample('png', 0).length
  bytes.set(randomBytes(size - header), header)
  return bytes
}

const relayStatus = async (courseId: CourseId, hash: string): Promise<number> =>
  (await fetch(mediaBlobUrl(relay.url, courseId, hash, await tokenFor(courseId, 'viewer')))).status

describe('media sync', () => {
  it("uploads an author's blob once the relay is back, and a co-author downloads it", async () => {
    const { courseId, doc, lessonId } = course()
    const ann = await device(courseId, 'author', doc, false)
    const hash = await storeLocally(ann.db, courseId, png(5000))
    showImage(doc, lessonId, hash)
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(await relayStatus(courseId, hash)).toBe(404) // Offline: nothing moved.

    ann.connection.set('synced')
    await expect.poll(() => relayStatus(courseId, hash), { timeout: 10_000 }).toBe(200)

    const ben = await device(courseId, 'viewer', doc)
    await expect
      .poll(async () => (await ben.db.media.get(hash))?.courseId, { timeout: 10_000 })
      .toBe(courseId)
    expect(sha256((await ben.db.media.get(hash))?.bytes as Uint8Array)).toBe(hash)

    // Each told what was still to move, and then that nothing was.
    expect(ann.transfers).toContainEqual(expect.objectContaining({ up: { files: 1, bytes: 5000, moved: 0 } }))
    expect(ben.transfers).toContainEqual(
      expect.objectContaining({ down: { files: 1, bytes: null, moved: 0 } }),
    )
    for (const { transfers } of [ann, ben]) {
      expect(transfers.at(-1)).toEqual(summarizeTransfers({ up: new Map(), down: new Map(), asking: null }))
    }
  })

  it('reports an upload the relay refuses for what it is, with the reason, as one not retried', async () => {
    const { courseId, doc } = course()
    const ann = await device(courseId, 'author', doc)
    // A page stored before bytes were checked, as an older app let through.
    const bytes = new Uint8Array(randomBytes(100))
    await ann.db.media.add({ hash: sha256(bytes), courseId, mime: 'text/html', bytes, createdAt: Date.now() })
    await ann.db.mediaCourses.add({ hash: sha256(bytes), courseId })
    await expect
      .poll(() => ann.transfers.at(-1)?.problem, { timeout: 10_000 })
      .toEqual({
        direction: 'up',
        files: 1,
        reason: 'the relay does not accept its file type',
        retrying: false,
      })
    expect(ann.transfers.at(-1)?.up.files).toBe(0)
  })

  it('downloads an image whose author uploads it later, by retrying', async () => {
    const { courseId, doc, lessonId } = course()
    const bytes = png(3000)
    const hash = sha256(bytes)
    const reader = await device(courseId, 'reviewer', doc)
    showImage(doc, lessonId, hash)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await reader.db.media.get(hash)).toBeUndefined()

    const author = await device(courseId, 'author', doc)
    await storeLocally(author.db, courseId, bytes)
    await expect
      .poll(async () => (await reader.db.media.get(hash)) !== undefined, { timeout: 15_000 })
      .toBe(true)
  })

  it('never uploads from a reviewer or viewer', async () => {
    const { courseId, doc, lessonId } = course()
    const warn = vi.spyOn(console, 'warn')
    const reviewer = await device(courseId, 'reviewer', doc)
    const hash = await storeLocally(reviewer.db, courseId, png(100))
    showImage(doc, lessonId, hash)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await relayStatus(courseId, hash)).toBe(404)
    expect(relay.logs.filter((line) => line.event === 'media-refused' && line.hash === hash)).toEqual([])
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('refused upload'), expect.anything())
    expect(await reviewer.db.media.get(hash)).toBeDefined() // Its local copy stays.
  })

  it('discards a download that does not match its hash', async () => {
    const { courseId, doc, lessonId } = course()
    const bytes = png(2000)
    const author = await device(courseId, 'author', doc)
    const hash = await storeLocally(author.db, courseId, bytes)
    await expect.poll(() => relayStatus(courseId, hash), { timeout: 10_000 }).toBe(200)
    // Damage the relay's copy behind its back, as a broken disk or a bad restore would.
    const file = new Database(join(relay.dataDir, DATABASE_FILE))
    file
      .prepare(
        'UPDATE media_chunks SET data = ? WHERE blob = (SELECT blob FROM media WHERE course = ? AND hash = ?)',
      )
      .run(Buffer.from(png(bytes.length)), courseId, hash)
    file.close()

    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const reader = await device(courseId, 'viewer', doc)
    showImage(doc, lessonId, hash)
    await expect
      .poll(() => logged.mock.calls.some(([message]) => String(message).includes('do not match')), {
        timeout: 10_000,
      })
      .toBe(true)
    expect(await reader.db.media.get(hash)).toBeUndefined()
  })

  it("never uploads another course's blob that a lesson names by hash, only the course's own", async () => {
    const { courseId, doc, lessonId } = course()
    const ann = await device(courseId, 'author', doc, false)
    const confidential = await storeLocally(ann.db, newCourseId(), png(4000))
    const own = await storeLocally(ann.db, courseId, png(4000))
    writeLessonContent(doc, lessonId, {
      type: NODE.doc,
      content: [confidential, own].map((hash) => ({
        type: NODE.image,
        attrs: { hash, alt: '', mime: 'image/png' },
      })),
    })
    ann.connection.set('synced')
    await expect.poll(() => relayStatus(courseId, own), { timeout: 10_000 }).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await relayStatus(courseId, confidential)).toBe(404)
    expect(relay.logs.filter((line) => line.hash === confidential && line.event === 'media-stored')).toEqual(
      [],
    )
    // It waits for the course's own relay to hold it, as for any blob a co-author has not sent yet.
    expect(await ann.db.mediaCourses.where('courseId').equals(courseId).primaryKeys()).toEqual([
      [own, courseId],
    ])
  })

  it('refuses a download whose bytes are not media, from a relay that serves them as an image anyway', async () => {
    const svg = new Uint8Array(SCRIPTED_SVG)
    const hash = sha256(svg)
    const hostile = createServer((request, response) => {
      if (request.method === 'POST') return void response.writeHead(200).end('[]')
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': svg.length }).end(svg)
    })
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = hostile.address() as AddressInfo
      const { courseId, doc, lessonId } = course()
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
      const reader = await device(courseId, 'viewer', doc, true, `ws://127.0.0.1:${port}`)
      showImage(doc, lessonId, hash)
      await expect
        .poll(() => reader.transfers.at(-1)?.problem, { timeout: 10_000 })
        .toEqual({
          direction: 'down',
          files: 1,
          reason: 'it is not an image, video or audio file Chorus accepts',
          retrying: false,
        })
      expect(
        logged.mock.calls.some(([message]) => String(message).includes('not an allowed media type')),
      ).toBe(true)
      expect(await reader.db.media.get(hash)).toBeUndefined()
      expect(await reader.db.mediaCourses.count()).toBe(0)
    } finally {
      hostile.close()
    }
  })
})
