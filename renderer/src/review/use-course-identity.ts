import { useEffect, useState } from 'react'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { readCourseIdentity, type CourseIdentity } from './identity'

export type IdentityState =
  | { readonly status: 'loading' }
  | { readonly status: 'known'; readonly identity: CourseIdentity }
  /** Storage could not say who the user is: nothing is offered that records a person (commenting). */
  | { readonly status: 'unknown' }

/** Who this user is in the course and what their role allows, read once per opened course. */
export function useCourseIdentity(db: ChorusDb, courseId: CourseId): IdentityState {
  const [state, setState] = useState<IdentityState>({ status: 'loading' })
  useEffect(() => {
    let left = false
    setState({ status: 'loading' })
    readCourseIdentity(db, courseId).then(
      (identity) => {
        if (!left) setState({ status: 'known', identity })
      },
      (cause: unknown) => {
        console.warn(`[review] could not tell who the user is in course ${courseId}`, cause)
        if (!left) setState({ status: 'unknown' })
      },
    )
    return () => {
      left = true
    }
  }, [db, courseId])
  return state
}
