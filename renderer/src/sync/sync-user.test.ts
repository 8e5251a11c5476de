import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { openChorusDb, type ChorusDb } from '../storage/db'
import { readSetting, writeSetting } from '../storage/settings'
import {
  PRESENCE_COLOURS,
  UNNAMED,
  loadProfile,
  loadSyncUser,
  onSyncUserSaved,
  saveSyncUser,
} from './sync-user'

const freshDb = (): ChorusDb =>
  openChorusDb('chorus-sync-user-test', { indexedDB: new IDBFactory(), IDBKeyRange })

describe('the local profile', () => {
  it('on first run makes up no name (first run asks for one) but picks and keeps a colour', async () => {
    const db = freshDb()
    const first = await loadProfile(db)
    expect(first.name).toBeNull()
    expect(await readSetting(db, 'displayName')).toBeUndefined()
    expect(PRESENCE_COLOURS).toContain(first.colour)
    expect(await loadProfile(db)).toEqual(first)
    // Where no invite names the user, presence says so rather than showing an invented name.
    expect(await loadSyncUser(db)).toEqual({ name: UNNAMED, colour: first.colour })
  })

  it('reads a stored name, trimmed; a blank one counts as none', async () => {
    const db = freshDb()
    await writeSetting(db, 'displayName', '  Rita Moreno ')
    expect((await loadProfile(db)).name).toBe('Rita Moreno')
    await writeSetting(db, 'displayName', '   ')
    expect((await loadProfile(db)).name).toBeNull()
  })

  it('saves a given name and tells every listener at once', async () => {
    const db = freshDb()
    const heard: string[] = []
    const stop = onSyncUserSaved((user) => heard.push(user.name))
    await saveSyncUser(db, { name: ' Rita ', colour: '#15803d' })
    stop()
    expect(heard).toEqual(['Rita'])
    expect(await loadProfile(db)).toEqual({ name: 'Rita', colour: '#15803d' })
  })
})
