import Database from 'better-sqlite3'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, openSqliteStore } from '../../relay-server/src/store/sqlite'
import { CloseCode } from '../../shared/protocol/close-codes'
import {
  connectClient,
  destroyClients,
  health,
  killRelays,
  openRaw,
  startRelay,
  tempDir,
  tokenFor,
  waitFor,
} from './relay-harness'

afterEach(async () => {
  destroyClients()
  await killRelays()
})

const textUpdate = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

const rowCount = (dataDir: string, room: string): number => {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  const { n } = db
    .prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE room = ?')
    .get(room) ?? { n: -1 }
  db.close()
  return n
}

describe('relay storage', () => {
  it('refuses clients of a room whose stored document fails to load, and never overwrites it', async () => {
    const dataDir = tempDir()
    const store = openSqliteStore(dataDir)
    const good = textUpdate('good room content')
    const torn = textUpdate('this write was torn').subarray(0, 20)
    await store.append('goodRoom', good)
    const firstPart = textUpdate('first part')
    await store.append('brokenRoom', firstPart)
    await store.append('brokenRoom', torn)
    await store.close()

    const relay = await startRelay({ dataDir })
    const socket = openRaw(relay.url, 'brokenRoom', await tokenFor('brokenRoom', 'author'))
    expect(await socket.ended).toMatchObject({
      code: CloseCode.RoomUnavailable,
      reason: 'stored document failed to load',
    })
    expect(socket.received).toHaveLength(0)
    // A stock client retries (45xx means "try again later") and is refused each time; nothing is written meanwhile.
    const client = connectClient(relay.url, 'brokenRoom', await tokenFor('brokenRoom', 'author'))
    await relay.waitForLog(
      (line) =>
        line.event === 'connection-refused' && line.code === CloseCode.RoomUnavailable && line.conn !== 1,
    )
    client.text.insert(0, 'typed while refused')
    const other = connectClient(relay.url, 'goodRoom', await tokenFor('goodRoom', 'author'))
    await other.synced()
    expect(other.text.toString()).toBe('good room content')
    expect(client.provider.synced).toBe(false)
    expect(relay.logs.some((line) => line.event === 'room-load-failed' && line.room === 'brokenRoom')).toBe(
      true,
    )
    await relay.stop()
    const after = openSqliteStore(dataDir)
    // Byte for byte: the relay wrote nothing over the rows it could not load.
    expect((await after.load('brokenRoom')).rows).toEqual([firstPart, torn])
    await after.close()
  })

  it('relays and acknowledges nothing while a store write fails, then stores and relays everything once it recovers', async () => {
    const relay = await startRelay({ args: ['--store-retry-ms', '300'] })
    const room = 'lockedRoom'
    const [a, b] = [
      connectClient(relay.url, room, await tokenFor(room, 'author')),
      connectClient(relay.url, room, await tokenFor(room, 'author')),
    ]
    await Promise.all([a.synced(), b.synced()])
    a.text.insert(0, 'before the lock. ')
    await waitFor(() => b.text.length > 0, 5000, 'first edit')

    // Another process holds the database's write lock, as a careless backup tool might.
    const locker = new Database(join(relay.dataDir, DATABASE_FILE))
    locker.exec('BEGIN IMMEDIATE')
    a.text.insert(a.text.length, 'during the lock. ')
    await relay.waitForLog((line) => line.event === 'store-failed' && line.room === room)
    // What the store does not hold reaches nobody: no other client, no acknowledgement to its author.
    const joiner = connectClient(relay.url, room, await tokenFor(room, 'author'))
    await new Promise((done) => setTimeout(done, 1000))
    expect(b.text.toString()).toBe('before the lock. ')
    expect(joiner.text.toString()).toBe('')
    expect(relay.logs.filter((line) => line.event === 'store-failed' && line.room === room)).toHaveLength(1)

    locker.exec('ROLLBACK')
    locker.close()
    await relay.waitForLog((line) => line.event === 'store-recovered' && line.room === room)
    const expected = 'before the lock. during the lock. '
    await waitFor(() => b.text.toString() === expected, 5000, 'relayed once stored')
    await waitFor(() => joiner.text.toString() === expected, 5000, 'the joiner synced once stored')

    await relay.kill()
    destroyClients()
    const restarted = await startRelay({ dataDir: relay.dataDir })
    const late = connectClient(restarted.url, room, await tokenFor(room, 'author'))
    await late.synced()
    expect(late.text.toString()).toBe(expected)
  })

  it('compacts a room in the background and unloads it when idle', async () => {
    const relay = await startRelay({ args: ['--compact-every', '10', '--room-idle-ms', '200'] })
    const room = 'compactRoom'
    const a = connectClient(relay.url, room, await tokenFor(room, 'author'))
    await a.synced()
    for (let i = 0; i < 45; i++) {
      a.text.insert(a.text.length, `${i % 10}`)
      await new Promise((done) => setTimeout(done, 2))
    }
    const expected = a.text.toString()
    const b = connectClient(relay.url, room, await tokenFor(room, 'author'))
    await waitFor(() => b.text.toString() === expected, 5000, 'everything relayed')
    expect(rowCount(relay.dataDir, room)).toBeLessThan(10)

    destroyClients()
    await relay.waitForLog((line) => line.event === 'room-unloaded' && line.room === room)
    expect(await health(relay.url)).toMatchObject({ rooms: 0, connections: 0 })
    expect(rowCount(relay.dataDir, room)).toBe(1)
    const c = connectClient(relay.url, room, await tokenFor(room, 'author'))
    await c.synced()
    expect(c.text.toString()).toBe(expected)
  })
})
