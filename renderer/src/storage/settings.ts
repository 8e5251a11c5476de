import type { ChorusDb } from './db'
import { storage } from './storage-error'

/** Every setting Chorus stores, with its type. A new setting is one line here. */
export interface Settings {
  /** The name shown to co-authors where no invite names the user; asked on first run, never made up. */
  readonly displayName: string
  /** The caret and presence colour, as a CSS hex colour. */
  readonly colour: string
  /** This device's user id for courses that are not shared, created once (renderer/src/review/identity.ts). */
  readonly userId: string
}

export type SettingKey = keyof Settings

const isSettingValue = <K extends SettingKey>(_key: K, value: unknown): value is Settings[K] =>
  typeof value === 'string'

/** The stored value, or undefined if it was never set (or holds something this version does not read). */
export async function readSetting<K extends SettingKey>(
  db: ChorusDb,
  key: K,
): Promise<Settings[K] | undefined> {
  const row = await storage(() => db.settings.get(key))
  return row !== undefined && isSettingValue(key, row.value) ? row.value : undefined
}

export async function writeSetting<K extends SettingKey>(
  db: ChorusDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  await storage(() => db.settings.put({ key, value }))
}
