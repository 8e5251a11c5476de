import { useEffect, useState } from 'react'
import type { ChorusDb } from '../storage/db'
import { readSetting, writeSetting } from '../storage/settings'
import { storage } from '../storage/storage-error'
import type { SyncUser } from './course-sync'

/** Distinct at a glance on a white page and readable under white caret labels. */
export const PRESENCE_COLOURS = ['#3b6fd4', '#c2410c', '#15803d', '#9333ea', '#be123c', '#0e7490', '#a16207']

export const MAX_NAME_LENGTH = 60
const HEX_COLOUR = /^#[0-9a-f]{6}$/i

const listeners = new Set<(user: SyncUser) => void>()

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T

/**
 * The name and colour co-authors see. On first run a name like "Author 4821" and a colour are made up and stored at
 * once, so co-authors see the same person after every reload until the user picks their own in Settings.
 */
export async function loadSyncUser(db: ChorusDb): Promise<SyncUser> {
  // One transaction, so a name stored meanwhile (another tab) is never overwritten by a made-up one.
  return storage(() =>
    db.transaction('rw', db.settings, async () => {
      const [name, colour] = await Promise.all([readSetting(db, 'displayName'), readSetting(db, 'colour')])
      const user: SyncUser = {
        name: name?.trim() || `Author ${1000 + Math.floor(Math.random() * 9000)}`,
        colour: colour !== undefined && HEX_COLOUR.test(colour) ? colour : pick(PRESENCE_COLOURS),
      }
      if (user.name !== name) await writeSetting(db, 'displayName', user.name)
      if (user.colour !== colour) await writeSetting(db, 'colour', user.colour)
      return user
    }),
  )
}

/** Why a display name cannot be used, or null. */
export const nameProblem = (name: string): string | null => {
  const trimmed = name.trim()
  if (trimmed === '') return 'Enter the name co-authors will see.'
  if (trimmed.length > MAX_NAME_LENGTH) return `Keep the name under ${MAX_NAME_LENGTH} characters.`
  return null
}

/** Stores the user's choice and shows it at once in every open course. */
export async function saveSyncUser(db: ChorusDb, user: SyncUser): Promise<void> {
  const saved: SyncUser = { name: user.name.trim(), colour: user.colour }
  await writeSetting(db, 'displayName', saved.name)
  await writeSetting(db, 'colour', saved.colour)
  listeners.forEach((listener) => listener(saved))
}

/** Calls the listener after each saved change; returns unsubscribe. */
export const onSyncUserSaved = (listener: (user: SyncUser) => void): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The current name and colour; null while loading. */
export function useSyncUser(db: ChorusDb): SyncUser | null {
  const [user, setUser] = useState<SyncUser | null>(null)
  useEffect(() => {
    let left = false
    const stop = onSyncUserSaved(setUser)
    loadSyncUser(db).then(
      (loaded) => !left && setUser((current) => current ?? loaded),
      (cause: unknown) => console.warn('[settings] could not read the display name', cause),
    )
    return () => {
      left = true
      stop()
    }
  }, [db])
  return user
}
