/**
 * Test support for the store tests (imported by `*.test.ts` only): a fake IndexedDB that can be reopened as after a
 * restart, openers whose stores are all closed after each test, and a wait for a store's next save state.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach } from 'vitest'
import type { CourseId } from '../../../shared/course/types'
import { openChorusDb, type ChorusDb } from './db'
import type { SaveStatus, SaveStatusSource } from './save-status'
import type { ClosableStore } from './use-open-store'

/** A database of its own, and a way to open it again, as the app does on its next start. */
export function fakeChorusDb(name: string): { db: ChorusDb; reopen: () => ChorusDb } {
  const factory = new IDBFactory()
  const reopen = (): ChorusDb => openChorusDb(name, { indexedDB: factory, IDBKeyRange })
  return { db: reopen(), reopen }
}

/** `open`, with every store it opens closed after the test; call at the top of a test file. */
export function closedAfterEach<S extends ClosableStore, O>(
  open: (db: ChorusDb, id: CourseId, options?: O) => Promise<S>,
): (db: ChorusDb, id: CourseId, options?: O) => Promise<S> {
  const opened: S[] = []
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((store) => store.close()))
  })
  return async (db, id, options) => {
    const store = await open(db, id, options)
    opened.push(store)
    return store
  }
}

/** Resolves with the store's save state once it is of `kind` (at once if it already is). */
export function nextStatus(
  store: { readonly save: SaveStatusSource },
  kind: SaveStatus['kind'],
): Promise<SaveStatus> {
  return new Promise((resolve) => {
    if (store.save.get().kind === kind) return resolve(store.save.get())
    const stop = store.save.subscribe((status) => {
      if (status.kind !== kind) return
      stop()
      resolve(status)
    })
  })
}
