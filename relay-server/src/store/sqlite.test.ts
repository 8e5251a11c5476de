import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE, openSqliteStore } from './sqlite'

const dir = (): string => mkdtempSync(join(tmpdir(), 'chorus-store-'))
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)

describe('sqlite store', () => {
  it('appends per room, loads in order, replaces atomically, and survives reopening', async () => {
    const dataDir = dir()
    const store = openSqliteStore(dataDir)
    expect(store.load('a')).toEqual([])
    store.append('a', bytes(1))
    store.append('b', bytes(9))
    store.append('a', bytes(2, 3))
    expect(store.load('a')).toEqual([bytes(1), bytes(2, 3)])
    store.replace('a', bytes(7, 7, 7))
    await store.close()
    const reopened = openSqliteStore(dataDir)
    expect(reopened.load('a')).toEqual([bytes(7, 7, 7)])
    expect(reopened.load('b')).toEqual([bytes(9)])
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
