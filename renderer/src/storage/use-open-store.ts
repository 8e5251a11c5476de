import { useEffect, useState } from 'react'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusError } from '../../../shared/errors'
import type { ChorusDb, DocKey } from './db'
import { toStorageError } from './storage-error'

/** Anything kept open in IndexedDB while it is on screen: a course's document, its review document, a team's space. */
export interface ClosableStore {
  close(): Promise<void>
}

export type OpenStoreState<S extends ClosableStore> =
  | { readonly status: 'opening' }
  | { readonly status: 'open'; readonly store: S }
  | { readonly status: 'failed'; readonly error: ChorusError }

/**
 * Opens one of a course's stores for as long as the component is mounted. Leaving closes it, which flushes what
 * is still in memory; a failure there is reported, since the view that would show it is gone. `open` must keep
 * its identity across renders (a module-level function does).
 */
export function useOpenStore<S extends ClosableStore, K extends DocKey = CourseId>(
  open: (db: ChorusDb, courseId: K) => Promise<S>,
  db: ChorusDb,
  courseId: K,
  onCloseFailed: (error: ChorusError) => void,
): OpenStoreState<S> {
  const [state, setState] = useState<OpenStoreState<S>>({ status: 'opening' })
  useEffect(() => {
    let left = false
    let opened: S | null = null
    const close = (store: S) => {
      store.close().catch((cause: unknown) => onCloseFailed(toStorageError(cause)))
    }
    setState({ status: 'opening' })
    open(db, courseId).then(
      (store) => {
        if (left) return close(store)
        opened = store
        setState({ status: 'open', store })
      },
      (cause: unknown) => {
        if (!left) setState({ status: 'failed', error: toStorageError(cause) })
      },
    )
    return () => {
      left = true
      if (opened) close(opened)
    }
  }, [open, db, courseId, onCloseFailed])
  return state
}
