/** The rooms' store on a real PostgreSQL (real-servers.ts), shared by several relays. */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgres, type Postgres } from '../../relay-server/src/postgres/connect'
import { openPostgresRoomStore } from '../../relay-server/src/postgres/room-store'
import type { SharedRoomStore } from '../../relay-server/src/store/store'
import { startPostgres, type RealServer } from './real-servers'

let server: RealServer
const pools: Postgres[] = []
beforeAll(async () => {
  server = await startPostgres()
}, 60_000)
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()))
  await server?.dispose()
})

/** One relay's view of the store: a pool of its own, as each relay process has. */
const relayStore = async (): Promise<SharedRoomStore> => {
  const pool = await openPostgres(server.url, () => {})
  pools.push(pool)
  return openPostgresRoomStore(pool)
}

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)

describe('PostgreSQL room store', () => {
  it('numbers a room’s rows 1, 2, 3… without gaps while two relays append at once', async () => {
    const [one, two] = await Promise.all([relayStore(), relayStore()])
    const appended = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? one : two).append('busy', bytes(i))),
    )
    expect([...appended].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
    const stored = await one.load('busy')
    expect(stored.seq).toBe(60)
    // Each row is where its seq says, whichever relay wrote it.
    const bySeq = new Map(appended.map((seq, i) => [seq, bytes(i)]))
    expect(stored.rows).toEqual(Array.from({ length: 60 }, (_, i) => bySeq.get(i + 1)))
    expect(await two.rowsAfter('busy', 58)).toEqual([
      { seq: 59, data: bySeq.get(59) },
      { seq: 60, data: bySeq.get(60) },
    ])
    expect(await two.lastSeqs(['busy', 'empty'])).toEqual(
      new Map([
        ['busy', 60],
        ['empty', 0],
      ]),
    )
  })

  it('compacts through a seq, keeping rows appended meanwhile, and skips a room another relay is compacting', async () => {
    const [one, two] = await Promise.all([relayStore(), relayStore()])
    for (let i = 1; i <= 5; i++) await one.append('room', bytes(i))
    const late = await two.append('room', bytes(6))
    expect(await one.compact('room', bytes(1, 2, 3, 4, 5), 5)).toBe(true)
    expect(await two.load('room')).toEqual({ rows: [bytes(1, 2, 3, 4, 5), bytes(6)], seq: late })
    expect(await one.append('room', bytes(7))).toBe(7)

    // Another relay holds the room's compaction lock (as its compaction would, mid-way).
    const holder = new pg.Client({ connectionString: server.url })
    await holder.connect()
    await holder.query('BEGIN')
    await holder.query("SELECT pg_advisory_xact_lock(hashtextextended('chorus-compact:' || $1, 0))", ['room'])
    expect(await two.compact('room', bytes(9, 9), 7)).toBe(false)
    await holder.query('ROLLBACK')
    await holder.end()
    expect((await one.load('room')).rows).toEqual([bytes(1, 2, 3, 4, 5), bytes(6), bytes(7)])
    expect(await two.compact('room', bytes(9, 9), 7)).toBe(true)
    expect(await one.load('room')).toEqual({ rows: [bytes(9, 9)], seq: 7 })
  })
})
