import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE, openSqliteStore } from './sqlite'
import { scratchDir } from '../../../tests/fixtures/scratch-dir'

const dir = (): string => scratchDir('store')
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)

describe('sqlite store', () => {
  it('appends per room, loads in order, compacts up to a row, and survives reopening', async () => {
    const dataDir = dir()
    const store = openSqliteStore(dataDir)
    expect(await store.load('a')).toEqual({ rows: [], seq: 0 })
    const first = await store.append('a', bytes(1))
    await store.append('b', bytes(9))
    const second = await store.append('a', bytes(2, 3))
    expect(second).toBeGreaterThan(first)
    expect(await store.load('a')).toEqual({ rows: [bytes(1), bytes(2, 3)], seq: second })
    const third = await store.append('a', bytes(4))
    // Compacting through the second row keeps the third, which came after the state was taken.
    expect(await store.compact('a', bytes(7, 7, 7), second)).toBe(true)
    await store.close()
    const reopened = openSqliteStore(dataDir)
    expect(await reopened.load('a')).toEqual({ rows: [bytes(7, 7, 7), bytes(4)], seq: third })
    expect((await reopened.load('b')).rows).toEqual([bytes(9)])
    // A compaction's row keeps the place of the rows it replaced: later appends still come after it.
    expect(await reopened.append('a', bytes(5))).toBeGreaterThan(third)
    expect((await reopened.load('a')).rows).toEqual([bytes(7, 7, 7), bytes(4), bytes(5)])
    await reopened.close()
  })

  it('refuses a database written by a newer relay', async () => {
    const dataDir = dir()
    await openSqliteStore(dataDir).close()
    const db = new Database(join(dataDir, DATABASE_FILE))
    db.pragma('user_version = 99')
    db.close()
    expect(() => openSqliteStore(dataDir)).toThrow(/newer relay/)
  })
})
