/**
 * A cluster relay reading a room from PostgreSQL while another relay stores an update to it, on a real PostgreSQL and
 * a real Redis (real-servers.ts). The read is held back once it has returned, so the other relay's update lands in
 * the gap between what was read and the room being in memory: the window in which a relay that watched the room's
 * channel only after reading it missed the message, and got the update from its once-a-second lag check instead.
 */
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFanout, type Fanout, type FanoutHooks } from '../../relay-server/src/cluster/fanout'
import { readConfig } from '../../relay-server/src/config'
import { createLogger } from '../../relay-server/src/log'
import { openPostgres, type Postgres } from '../../relay-server/src/postgres/connect'
import { openPostgresRoomStore } from '../../relay-server/src/postgres/room-store'
import { createRooms, type Rooms } from '../../relay-server/src/rooms'
import type { SharedRoomStore } from '../../relay-server/src/store/store'
import { startPostgres, startRedis, type RealServer } from './real-servers'
import { waitFor } from './relay-harness'

let postgres: RealServer
let redis: RealServer
const pools: Postgres[] = []
const fanouts: Fanout[] = []
beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
}, 60_000)
afterAll(async () => {
  await Promise.all(fanouts.map((fanout) => fanout.close()))
  await Promise.all(pools.map((pool) => pool.end()))
  await Promise.all([postgres?.dispose(), redis?.dispose()])
})

const quiet: FanoutHooks = { onMessage: () => {}, onResumed: () => {}, onError: () => {} }

/** One relay's own connections: a pool and a Redis fan-out, as each relay process has. */
const relayLinks = async (hooks: FanoutHooks) => {
  const pool = await openPostgres(postgres.url, () => {})
  pools.push(pool)
  const fanout = await openFanout(redis.url, hooks)
  fanouts.push(fanout)
  return { store: await openPostgresRoomStore(pool), fanout }
}

/** A writer's change as an update: text appended to its copy of the room. */
const typed = (writer: Y.Doc, text: string): Uint8Array => {
  const before = Y.encodeStateVector(writer)
  const body = writer.getText('body')
  body.insert(body.length, text)
  return Y.encodeStateAsUpdate(writer, before)
}

describe('a cluster relay loading a room', () => {
  it('gets an update another relay stores while the room is read at once, not from the lag check', async () => {
    const config = readConfig(['--open'], {})
    if (!config.ok) throw new Error(config.error)
    const other = await relayLinks(quiet)
    const writer = new Y.Doc()
    await other.store.append('course-1', typed(writer, 'Read. '))

    let readReturned = (): void => {}
    const read = new Promise<void>((done) => (readReturned = done))
    let release = (): void => {}
    const released = new Promise<void>((done) => (release = done))
    let rooms: Rooms | null = null
    const own = await relayLinks({ ...quiet, onMessage: (room, message) => rooms?.receive(room, message) })
    const heldStore: SharedRoomStore = {
      ...own.store,
      load: async (room) => {
        const stored = await own.store.load(room)
        readReturned()
        await released
        return stored
      },
    }
    rooms = createRooms({
      store: heldStore,
      cluster: { store: heldStore, fanout: own.fanout },
      log: createLogger('silent'),
      limits: config.value.limits,
      roomIdleMs: 60_000,
      compactEvery: 500,
      storeRetryMs: 1_000,
      guardReviews: false,
    })
    const startedAt = Date.now()
    const opening = rooms.open('course-1')
    await read
    const update = typed(writer, 'Stored meanwhile.')
    const seq = await other.store.append('course-1', update)
    other.fanout.publish('course-1', { kind: 'update', seq, update })
    // Time for the message to arrive while the room is still held back (it is applied once the room is in memory).
    await new Promise((done) => setTimeout(done, 200))
    release()
    const opened = await opening
    if (!opened.ok) throw new Error(opened.error.reason)
    const text = () => opened.value.doc.getText('body').toString()
    // The lag check looks once a second and catches up on its second look, 2 s after the rooms started: the update
    // must come well before that, with room to spare for a busy machine.
    await waitFor(() => text() === 'Read. Stored meanwhile.', 1_000, 'the update stored meanwhile')
    expect(Date.now() - startedAt).toBeLessThan(1_500)
    await rooms.closeAll()
  })
})
