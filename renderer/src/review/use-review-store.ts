import { useEffect, useState } from 'react'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusError } from '../../../shared/errors'
import type { ChorusDb } from '../storage/db'
import { toStorageError } from '../storage/storage-error'
import { openReviewStore, type ReviewStore } from './review-store'

export type ReviewStoreState =
  | { readonly status: 'opening' }
  | { readonly status: 'open'; readonly store: ReviewStore }
  | { readonly status: 'failed'; readonly error: ChorusError }

/**
 * Opens the course's review document for as long as the component is mounted; leaving closes it, which flushes
 * what is still in memory. A failure there is reported, since the view that would show it is gone.
 */
export function useReviewStore(
  db: ChorusDb,
  courseId: CourseId,
  onCloseFailed: (error: ChorusError) => void,
): ReviewStoreState {
  const [state, setState] = useState<ReviewStoreState>({ status: 'opening' })
  useEffect(() => {
    let left = false
    let opened: ReviewStore | null = null
    const close = (store: ReviewStore) => {
      store.close().catch((cause: unknown) => onCloseFailed(toStorageError(cause)))
    }
    setState({ status: 'opening' })
    openReviewStore(db, courseId).then(
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
  }, [db, courseId, onCloseFailed])
  return state
}
