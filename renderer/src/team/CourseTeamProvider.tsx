import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusError } from '../../../shared/errors'
import { setCourseProgress, setCourseState } from '../../../shared/team/team-doc'
import type { TeamId } from '../../../shared/team/types'
import type { ChorusDb } from '../storage/db'
import type { RoomDocStore } from '../storage/room-doc-store'
import { useOpenStore } from '../storage/use-open-store'
import { CourseTeamContext, type CourseTeam } from './course-team'
import { teamActorOf } from './team-actor'
import { openTeamStore } from './team-store'
import { useCourseTeamId } from './use-course-team-id'
import { useTeamConnection } from './use-team-connection'
import { useTeamRow } from './use-team-row'
import { useTeamSnapshot } from './use-team-snapshot'

interface CourseTeamProviderProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly onCloseFailed: (error: ChorusError) => void
  readonly children: ReactNode
}

/**
 * Gives an open course its team (see CourseTeam), when its relay link carries a team invite of a team joined here.
 * The team space is opened beside the course, not around it: the course view is never rebuilt when it arrives.
 */
export function CourseTeamProvider({ db, courseId, onCloseFailed, children }: CourseTeamProviderProps) {
  const teamId = useCourseTeamId(db, courseId)
  const [team, setTeam] = useState<CourseTeam | null>(null)
  return (
    <>
      {teamId !== null && (
        <CourseTeamReader
          key={teamId}
          db={db}
          teamId={teamId}
          courseId={courseId}
          onCloseFailed={onCloseFailed}
          onChange={setTeam}
        />
      )}
      <CourseTeamContext value={teamId === null ? null : team}>{children}</CourseTeamContext>
    </>
  )
}

interface CourseTeamReaderProps {
  readonly db: ChorusDb
  readonly teamId: TeamId
  readonly courseId: CourseId
  readonly onCloseFailed: (error: ChorusError) => void
  readonly onChange: (team: CourseTeam | null) => void
}

/** Opens the team space and keeps it syncing while the course is open, so progress and publishing reach the team. */
function CourseTeamReader({ db, teamId, courseId, onCloseFailed, onChange }: CourseTeamReaderProps) {
  const row = useTeamRow(db, teamId)
  const joined = row.status === 'joined' ? row.team : null
  const store = useOpenStore<RoomDocStore, TeamId>(openTeamStore, db, teamId, onCloseFailed)
  const doc = store.status === 'open' ? store.store.doc : null
  const token = joined?.token
  const me = useMemo(() => (token === undefined ? null : teamActorOf(token, teamId)), [token, teamId])
  useTeamConnection(doc, teamId, me === null ? null : joined)
  const snapshot = useTeamSnapshot(doc, teamId)

  const value = useMemo<CourseTeam | null>(() => {
    if (doc === null || me === null || snapshot === null) return null
    const course = snapshot.courses.find((candidate) => candidate.id === courseId) ?? null
    const needId = course?.needId ?? null
    return {
      teamId,
      me,
      course,
      need: needId === null ? null : (snapshot.needs.find((need) => need.id === needId) ?? null),
      markPublished: () => setCourseState(doc, me, courseId, 'published'),
      reportProgress: (progress) => setCourseProgress(doc, me, courseId, progress),
    }
  }, [doc, me, snapshot, teamId, courseId])

  useEffect(() => onChange(value), [onChange, value])
  useEffect(() => () => onChange(null), [onChange])
  return null
}
