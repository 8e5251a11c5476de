import { useEffect, useState } from 'react'
import type { ChorusDb } from '../storage/db'
import { readSetting, writeSetting } from '../storage/settings'
import { storage } from '../storage/storage-error'
import type { SyncUser } from './course-sync'

/** Distinct at a glance on a white page and readable under white caret labels. */
export const PRESENCE_COLOURS = ['#3b6fd4', '#c2410c', '#15803d', '#9333ea', '#be123c', '#0e7490', '#a16207']

export const MAX_NAME_LENGTH = 60
const HEX_COLOUR = /^#[0-9a-f]{6}$/i

/** The name presence shows for someone who has not given one (and whose invite names nobody). */
export const UNNAMED = 'Anonymous author'

/** What this device stores about its user: the name they gave (null until they give one) and their colour. */
export interface LocalProfile {
  readonly name: string | null
  readonly colour: string
}

const listeners = new Set<(user: SyncUser) => void>()

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T

/**
 * The stored name and colour. A name is never made up: until the user gives one (first run asks, see
 * features/first-run) it is null. A colour is picked and stored at once, so co-authors see the same one after
 * every reload until the user picks their own in Settings.
 */
export async function loadProfile(db: ChorusDb): Promise<LocalProfile> {
  // One transaction, so a colour stored meanwhile (another tab) is never overwritten by a picked one.
  return storage(() =>
    db.transaction('rw', db.settings, async () => {
      const [name, colour] = await Promise.all([readSetting(db, 'displayName'), readSetting(db, 'colour')])
      const profile: LocalProfile = {
        name: name?.trim() || null,
        colour: colour !== undefined && HEX_COLOUR.test(colour) ? colour : pick(PRESENCE_COLOURS),
      }
      if (profile.colour !== colour) await writeSetting(db, 'colour', profile.colour)
      return profile
    }),
  )
}

/** The name and colour co-authors see where no invite names the user ({@link UNNAMED} until a name is given). */
export async function loadSyncUser(db: ChorusDb): Promise<SyncUser> {
  const { name, colour } = await loadProfile(db)
  return { name: name ?? UNNAMED, colour }
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

/** The stored name (null if none was given) and colour, kept current as they are saved; null while loading. */
export function useProfile(db: ChorusDb): LocalProfile | null {
  const [profile, setProfile] = useState<LocalProfile | null>(null)
  useEffect(() => {
    let left = false
    const stop = onSyncUserSaved(setProfile)
    loadProfile(db).then(
      (loaded) => !left && setProfile((current) => current ?? loaded),
      (cause: unknown) => console.warn('[settings] could not read the display name', cause),
    )
    return () => {
      left = true
      stop()
    }
  }, [db])
  return profile
}
