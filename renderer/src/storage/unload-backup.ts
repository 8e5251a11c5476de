import type { DocKey, UpdateTable } from './db'

/**
 * Changes IndexedDB had not confirmed when the page went away, kept in localStorage until they are stored.
 * IndexedDB writes are asynchronous and a reload or a closing window may cut them off (a reload straight after
 * typing lost the last keystrokes one time in six); localStorage writes are synchronous, so what the page-leave
 * handler keeps there is on disk before the page goes. Each tab keeps its own entry, so two tabs leaving at once
 * do not overwrite each other; whichever tab opens the document next applies and stores them all.
 */
export interface UnloadBackup {
  /** Keeps these updates for this tab, replacing what it kept before. */
  keep(updates: readonly Uint8Array[]): void
  /** Every update kept for this document, by any tab, as kept. */
  kept(): Uint8Array[]
  /** Forgets what this tab kept and what it read with `kept()`: all of it is stored in IndexedDB now. */
  forget(): void
}

const PREFIX = 'chorus.unsaved'

const browserStorage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    // A browser with storage blocked throws on the mere access: there is nothing to keep then.
    return undefined
  }
}

const toBase64 = (bytes: Uint8Array): string => {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (char) => char.charCodeAt(0))

export function unloadBackup(
  table: UpdateTable,
  courseId: DocKey,
  storage: Storage | undefined = browserStorage(),
): UnloadBackup {
  const prefix = `${PREFIX}.${table}.${courseId}.`
  const ownKey = `${prefix}${crypto.randomUUID()}`
  const taken = new Set<string>()
  // Forgetting runs after every save: it only touches localStorage when something was kept or taken.
  let holding = false
  return {
    keep(updates) {
      if (storage === undefined || updates.length === 0) return
      try {
        storage.setItem(ownKey, JSON.stringify(updates.map(toBase64)))
        holding = true
      } catch (thrown) {
        // Full or blocked: IndexedDB may still finish the writes; there is nothing else to do while leaving.
        console.warn('[storage] could not keep unsaved changes in localStorage', thrown)
      }
    },
    kept() {
      if (storage === undefined) return []
      const updates: Uint8Array[] = []
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)
        if (key === null || !key.startsWith(prefix)) continue
        taken.add(key)
        holding = true
        try {
          const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]')
          if (Array.isArray(parsed))
            for (const item of parsed) if (typeof item === 'string') updates.push(fromBase64(item))
        } catch (thrown) {
          console.warn('[storage] an entry of unsaved changes in localStorage is damaged; skipped', thrown)
        }
      }
      return updates
    },
    forget() {
      if (storage === undefined || !holding) return
      holding = false
      for (const key of [ownKey, ...taken]) storage.removeItem(key)
      taken.clear()
    },
  }
}
