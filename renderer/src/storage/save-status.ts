import type { ChorusError } from '../../../shared/errors'

export type SaveStatus =
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'error'; readonly error: ChorusError }

/** Read side of a course's save state; fits React's useSyncExternalStore (subscribe + get). */
export interface SaveStatusSource {
  get(): SaveStatus
  subscribe(listener: (status: SaveStatus) => void): () => void
}

export interface SaveStatusCell extends SaveStatusSource {
  set(status: SaveStatus): void
}

export function createSaveStatus(initial: SaveStatus): SaveStatusCell {
  let current = initial
  const listeners = new Set<(status: SaveStatus) => void>()
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set(status) {
      // 'saving' repeats on every keystroke; telling React each time would re-render for nothing.
      if (status.kind === 'saving' && current.kind === 'saving') return
      current = status
      listeners.forEach((listener) => listener(status))
    },
  }
}
