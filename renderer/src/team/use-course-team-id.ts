import { useEffect, useState } from 'react'
import type { CourseId } from '../../../shared/course/types'
import type { TeamId } from '../../../shared/team/types'
import type { ChorusDb } from '../storage/db'
import { getRelayLink } from '../sync/relay-links'
import { useRelayLinkVersion } from '../sync/use-relay-link-version'
import { teamOfLink } from './team-course-links'

/** The team whose invite the course's relay link carries, followed as the link is saved anew; else null. */
export function useCourseTeamId(db: ChorusDb, courseId: CourseId): TeamId | null {
  const [teamId, setTeamId] = useState<TeamId | null>(null)
  const linkVersion = useRelayLinkVersion(courseId)
  useEffect(() => {
    let left = false
    getRelayLink(db, courseId).then(
      (link) => {
        if (!left) setTeamId(link === undefined ? null : teamOfLink(link))
      },
      (cause: unknown) => console.warn(`[team] could not read the relay link of course ${courseId}`, cause),
    )
    return () => {
      left = true
    }
  }, [db, courseId, linkVersion])
  return teamId
}
