import { useEffect, useState } from 'react'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { onSyncUserSaved } from '../sync/sync-user'
import { useRelayLinkVersion } from '../sync/use-relay-link-version'
import { readCourseIdentity, type CourseIdentity } from './identity'

export type IdentityState =
  | { readonly status: 'loading' }
  | { readonly status: 'known'; readonly identity: CourseIdentity }
  /** Storage could not say who the user is: nothing is offered that records a person (commenting). */
  | { readonly status: 'unknown' }

const LOADING: IdentityState = { status: 'loading' }

/**
 * Who this user is in the course and what their role allows, read when the course opens and again when its relay
 * link is saved (sharing it, or joining it anew, makes the user the invite's) or a name is saved (first run or
 * Settings: where no invite names the user, comments and mentions use it at once). While a new read runs, the
 * previous answer stays: the course view is not torn down and rebuilt in the middle of sharing.
 */
export function useCourseIdentity(db: ChorusDb, courseId: CourseId): IdentityState {
  const [read, setRead] = useState<{ readonly courseId: CourseId; readonly state: IdentityState } | null>(
    null,
  )
  const linkVersion = useRelayLinkVersion(courseId)
  const [nameVersion, setNameVersion] = useState(0)
  useEffect(() => onSyncUserSaved(() => setNameVersion((version) => version + 1)), [])
  useEffect(() => {
    let left = false
    const settle = (state: IdentityState): void => {
      if (!left) setRead({ courseId, state })
    }
    readCourseIdentity(db, courseId).then(
      (identity) => settle({ status: 'known', identity }),
      (cause: unknown) => {
        console.warn(`[review] could not tell who the user is in course ${courseId}`, cause)
        settle({ status: 'unknown' })
      },
    )
    return () => {
      left = true
    }
  }, [db, courseId, linkVersion, nameVersion])
  return read?.courseId === courseId ? read.state : LOADING
}
