import * as Y from 'yjs'
import type { ChorusError } from '../../../shared/errors'
import type { SaveStatusCell } from './save-status'
import { chorusFailure, toStorageError } from './storage-error'

export interface UpdateWriter {
  /** Starts writing the update at once; if a write is in flight, it joins the next write instead. */
  push(update: Uint8Array): void
  /** The page is going away: starts writing everything queued now, without waiting for writes in flight. */
  writeNow(): Promise<void>
  /** Resolves when everything pushed so far is stored; retries a failed write once, then rejects with a ChorusFailure. */
  flush(): Promise<void>
  /** True while some update is not yet stored. */
  hasUnsaved(): boolean
  /** Every update not yet confirmed stored: those being written and those queued. */
  unsaved(): Uint8Array[]
}

/**
 * Keeps a course's local updates in memory until IndexedDB has them. No timers: a write starts with the
 * change that needs it, and updates arriving meanwhile are merged into the next write, so rows stay
 * few under fast typing and nothing waits on a debounce when the page reloads. A failed write puts its
 * update back at the front of the queue and shows the error; the next change or flush retries it.
 */
export function createUpdateWriter(
  write: (update: Uint8Array) => Promise<void>,
  status: SaveStatusCell,
  now: () => number,
): UpdateWriter {
  let queued: Uint8Array[] = []
  const inFlight = new Map<Promise<void>, Uint8Array>()
  let lastError: ChorusError | undefined

  function start(): Promise<void> {
    const batch = queued
    queued = []
    const [only] = batch
    const update = batch.length === 1 && only ? only : Y.mergeUpdates(batch)
    status.set({ kind: 'saving' })
    const op: Promise<void> = write(update)
      .then(
        () => {
          lastError = undefined
        },
        (thrown: unknown) => {
          queued.unshift(update)
          lastError = toStorageError(thrown)
        },
      )
      .finally(() => {
        inFlight.delete(op)
        settle()
      })
    inFlight.set(op, update)
    return op
  }

  function settle(): void {
    if (inFlight.size > 0) return
    if (lastError) status.set({ kind: 'error', error: lastError })
    else if (queued.length > 0) void start()
    else status.set({ kind: 'saved', at: now() })
  }

  return {
    push(update) {
      queued.push(update)
      if (inFlight.size === 0) void start()
    },
    async writeNow() {
      if (queued.length > 0) void start()
      await Promise.allSettled([...inFlight.keys()])
    },
    async flush() {
      let startedHere = 0
      while (inFlight.size > 0 || queued.length > 0) {
        if (inFlight.size > 0) {
          await Promise.allSettled([...inFlight.keys()])
          continue
        }
        // Nothing in flight but something queued: the last write failed. Retry it once, here.
        if (startedHere++ > 0)
          throw chorusFailure(lastError ?? toStorageError(new Error('write did not complete')))
        await start()
      }
    },
    hasUnsaved: () => queued.length > 0 || inFlight.size > 0,
    unsaved: () => [...inFlight.values(), ...queued],
  }
}
