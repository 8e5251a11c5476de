import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import type { ChorusError } from '../../../../shared/errors'
import type { ChorusDb, LibraryEntry } from '../../storage/db'
import { libraryQuery } from '../../storage/library'
import { toStorageError } from '../../storage/storage-error'

export type LibraryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly entries: readonly LibraryEntry[] }
  | { readonly status: 'failed'; readonly error: ChorusError }

/** The course list, live: any write to the library (this tab or another) re-runs the query. */
export const useLibrary = (db: ChorusDb): LibraryState => {
  const [state, setState] = useState<LibraryState>({ status: 'loading' })
  useEffect(() => {
    const subscription = liveQuery(() => libraryQuery(db)).subscribe({
      next: (entries) => setState({ status: 'ready', entries }),
      error: (cause: unknown) => setState({ status: 'failed', error: toStorageError(cause) }),
    })
    return () => subscription.unsubscribe()
  }, [db])
  return state
}
