import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { Role } from '../../../../shared/protocol/token'
import type { ChorusDb } from '../../storage/db'
import { courseClaimsOf } from '../../sync/course-claims'

const NONE: ReadonlyMap<CourseId, Role> = new Map()

/**
 * The role each shared course's invite grants this user, live (joining anew changes it). Read from the token
 * without checking it, as everywhere in the app: only to label courses; the relay enforces the role.
 */
export const useCourseRoles = (db: ChorusDb): ReadonlyMap<CourseId, Role> => {
  const [roles, setRoles] = useState<ReadonlyMap<CourseId, Role>>(NONE)
  useEffect(() => {
    const subscription = liveQuery(() => db.relayLinks.toArray()).subscribe({
      next: (links) =>
        setRoles(
          new Map(
            links.flatMap((link) => {
              const role = courseClaimsOf(link.token, link.courseId)?.role
              return role === undefined ? [] : [[link.courseId, role] as const]
            }),
          ),
        ),
      // Labels only: without them the library still lists every course.
      error: (cause: unknown) => console.warn('[library] could not read the courses’ roles', cause),
    })
    return () => subscription.unsubscribe()
  }, [db])
  return roles
}
