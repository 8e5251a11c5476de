import { useCallback, useEffect, useId, useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import type { NeedId } from '../../../../shared/team/types'
import type { Route, TeamView as TeamViewKind } from '../../navigation/route'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { prepareTeamCourse } from '../../team/team-course-links'
import { useTeamSession } from '../../team/use-team-session'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { TeamCatalog } from '../catalog/TeamCatalog'
import { NeedsBoard } from '../needs/NeedsBoard'
import { TeamHeader } from './TeamHeader'
import { TeamTabs } from './TeamTabs'
import './team.css'

interface TeamViewProps {
  readonly db: ChorusDb
  readonly route: Extract<Route, { readonly kind: 'team' }>
  readonly navigate: (route: Route) => void
  readonly onCloseFailed: (error: ChorusError) => void
}

/** A team's screen: its needs board and its catalog, as tabs under the team's name and my role in it. */
export function TeamView({ db, route, navigate, onCloseFailed }: TeamViewProps) {
  const { teamId } = route
  const { session, problem } = useTeamSession(db, teamId, onCloseFailed)
  const [failure, setFailure] = useState<ChorusError | null>(null)
  const ids = useId()
  const panelId = `${ids}-panel`
  const tabId = (view: TeamViewKind): string => `${ids}-${view}`

  const teamName = session?.snapshot.name ?? teamId
  useEffect(() => {
    document.title = `${teamName} · Chorus`
    return () => {
      document.title = 'Chorus'
    }
  }, [teamName])

  const openNeed = useCallback(
    (needId: NeedId | null) => navigate({ kind: 'team', teamId, view: 'needs', needId }),
    [navigate, teamId],
  )
  const courses = session?.snapshot.courses
  const openCourse = useCallback(
    (courseId: CourseId) => {
      setFailure(null)
      const title = courses?.find((course) => course.id === courseId)?.title ?? 'Team course'
      prepareTeamCourse(db, teamId, courseId, title).then(
        () => navigate({ kind: 'course', courseId, lessonId: null }),
        (cause: unknown) => setFailure(toStorageError(cause)),
      )
    },
    [db, teamId, courses, navigate],
  )
  const select = (view: TeamViewKind): void =>
    navigate(
      view === 'catalog' ? { kind: 'team', teamId, view } : { kind: 'team', teamId, view, needId: null },
    )

  return (
    <main className="team">
      <TeamHeader session={session} fallbackName={teamId} />
      {problem && <ErrorNotice error={problem} />}
      {failure && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
      <TeamTabs current={route.view} panelId={panelId} tabId={tabId} onSelect={select} />
      <div className="team-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(route.view)}>
        {session === null ? (
          problem === null && <p className="quiet">Opening the team space…</p>
        ) : route.view === 'catalog' ? (
          <TeamCatalog session={session} onOpenCourse={openCourse} />
        ) : (
          <NeedsBoard
            session={session}
            needId={route.needId}
            onOpenNeed={openNeed}
            onOpenCourse={openCourse}
          />
        )}
      </div>
    </main>
  )
}
