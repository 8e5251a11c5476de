import { useEffect, useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import { openCourseStore, type CourseStore } from '../../storage/course-store'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'

export type CourseStoreState =
  | { readonly status: 'opening' }
  | { readonly status: 'open'; readonly store: CourseStore }
  | { readonly status: 'failed'; readonly error: ChorusError }

/**
 * Opens a course's store for as long as the component is mounted. Leaving the course closes it, which
 * flushes what is still in memory; a failure there is reported, since the view that would show it is gone.
 */
export const useCourseStore = (
  db: ChorusDb,
  courseId: CourseId,
  onCloseFailed: (error: ChorusError) => void,
): CourseStoreState => {
  const [state, setState] = useState<CourseStoreState>({ status: 'opening' })

  useEffect(() => {
    let left = false
    let opened: CourseStore | null = null
    const close = (store: CourseStore) => {
      store.close().catch((cause: unknown) => onCloseFailed(toStorageError(cause)))
    }
    setState({ status: 'opening' })
    openCourseStore(db, courseId).then(
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
