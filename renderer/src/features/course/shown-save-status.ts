import type { SaveStatus, SaveStatusSource } from '../../storage/course-store'

/** How long a save may take before the save indicator says so. */
export const SAVING_SHOWN_AFTER_MS = 1_000

const MINUTE_MS = 60_000

/** What the save indicator shows: the save status, with a save to the minute, as its "Last saved …" tooltip says it. */
export type ShownSaveStatus =
  Exclude<SaveStatus, { readonly kind: 'saved' }> | { readonly kind: 'saved'; readonly minute: number }

/** Fits React's useSyncExternalStore: `get` returns the same object until what is shown changes. */
export interface ShownSaveStatusSource {
  get(): ShownSaveStatus
  subscribe(listener: () => void): () => void
}

const SAVING: ShownSaveStatus = { kind: 'saving' }

const sameShown = (a: ShownSaveStatus, b: ShownSaveStatus): boolean =>
  a.kind === 'saved' && b.kind === 'saved' ? a.minute === b.minute : a.kind === b.kind && a.kind !== 'error'

/**
 * The course's save status as the indicator shows it: "Saving…" only for a save that takes longer than a moment,
 * and a change only when what is shown changes. Every keystroke is saved within milliseconds; passing each
 * save on re-rendered the header twice per keystroke, inside the keystroke's own task. A save after an error
 * (or before anything was saved) shows at once: the error must not give way to an earlier "Saved".
 */
export function showSaveStatus(source: SaveStatusSource): ShownSaveStatusSource {
  const settledOf = (status: Exclude<SaveStatus, { kind: 'saving' }>): ShownSaveStatus =>
    status.kind === 'saved'
      ? { kind: 'saved', minute: Math.floor(status.at / MINUTE_MS) * MINUTE_MS }
      : status
  const initial = source.get()
  let shown = initial.kind === 'saving' ? SAVING : settledOf(initial)
  let slowSave: ReturnType<typeof setTimeout> | null = null
  const listeners = new Set<() => void>()

  const show = (next: ShownSaveStatus): void => {
    if (sameShown(shown, next)) return
    shown = next
    listeners.forEach((listener) => listener())
  }
  const stopWaiting = (): void => {
    if (slowSave !== null) clearTimeout(slowSave)
    slowSave = null
  }
  const follow = (status: SaveStatus): void => {
    if (status.kind !== 'saving') {
      stopWaiting()
      show(settledOf(status))
    } else if (shown.kind !== 'saved') {
      show(SAVING)
    } else if (slowSave === null) {
      slowSave = setTimeout(() => {
        slowSave = null
        if (source.get().kind === 'saving') show(SAVING)
      }, SAVING_SHOWN_AFTER_MS)
    }
  }

  let unfollow: (() => void) | null = null
  return {
    get: () => shown,
    subscribe(listener) {
      listeners.add(listener)
      if (unfollow === null) {
        unfollow = source.subscribe(follow)
        follow(source.get())
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size > 0 || unfollow === null) return
        unfollow()
        unfollow = null
        stopWaiting()
      }
    },
  }
}
