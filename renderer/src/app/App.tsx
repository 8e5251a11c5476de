import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { ChorusError } from '../../../shared/errors'
import { CourseView } from '../features/course/CourseView'
import { useCourseFileImport } from '../features/files/use-course-file-import'
import { FirstRunDialog } from '../features/first-run/FirstRunDialog'
import { JoinConfirmDialog } from '../features/join/JoinConfirmDialog'
import { JoinDialog } from '../features/join/JoinDialog'
import { TeamJoinConfirmDialog } from '../features/join/TeamJoinConfirmDialog'
import { ForMeView } from '../features/inbox/ForMeView'
import type { InviteInbox } from '../features/join/invite-inbox'
import { LibraryView } from '../features/library/LibraryView'
import { NewCourseDialog } from '../features/library/NewCourseDialog'
import { TeamView } from '../features/team/TeamView'
import { teamRoute } from '../navigation/route'
import { useMenuCommand } from '../platform/use-menu-command'
import { usePlatform } from '../platform/use-platform'
import { ErrorNotice } from '../ui/ErrorNotice'
import { useChorusDb } from './use-chorus-db'
import { useHashRoute } from './use-hash-route'

interface AppProps {
  /** Invite links opened in any way, each confirmed by the user before it joins anything. */
  readonly invites: InviteInbox
}

/** The shell: one database for the session, the route from the URL hash, and errors nobody else can show. */
export function App({ invites }: AppProps) {
  const { db, problem } = useChorusDb()
  const [route, navigate] = useHashRoute()
  // Errors from views that are already gone, such as a course that failed to save as it closed.
  const [orphanErrors, setOrphanErrors] = useState<readonly ChorusError[]>([])
  const report = useCallback((error: ChorusError) => setOrphanErrors((list) => [...list, error]), [])
  const [creating, setCreating] = useState(false)
  const [joining, setJoining] = useState(false)
  useMenuCommand('new-course', () => setCreating(true))
  const courseFiles = useCourseFileImport(db, navigate, report)
  useMenuCommand('open-course-file', courseFiles.openFile)
  const platform = usePlatform()
  useEffect(() => platform.onInviteLink(invites.offer), [platform, invites])
  const pendingInvite = useSyncExternalStore(invites.subscribe, invites.current)

  return (
    <div className="app">
      {(problem || orphanErrors.length > 0 || pendingInvite?.kind === 'unreadable') && (
        <div className="app-notices">
          {problem && <ErrorNotice error={problem} />}
          {pendingInvite?.kind === 'unreadable' && (
            <ErrorNotice error={pendingInvite.error} onDismiss={invites.settle} />
          )}
          {orphanErrors.map((error, index) => (
            <ErrorNotice
              key={index}
              error={error}
              onDismiss={() => setOrphanErrors((list) => list.filter((_, at) => at !== index))}
            />
          ))}
        </div>
      )}
      {route.kind === 'library' && <FirstRunDialog db={db} />}
      {route.kind === 'library' && (
        <LibraryView
          db={db}
          onNewCourse={() => setCreating(true)}
          onJoinCourse={() => setJoining(true)}
          courseFiles={courseFiles}
        />
      )}
      {route.kind === 'course' && (
        <CourseView
          key={route.courseId}
          db={db}
          courseId={route.courseId}
          lessonId={route.lessonId}
          threadId={route.threadId ?? null}
          navigate={navigate}
          onCloseFailed={report}
        />
      )}
      {route.kind === 'team' && (
        <TeamView key={route.teamId} db={db} route={route} navigate={navigate} onCloseFailed={report} />
      )}
      {route.kind === 'for-me' && <ForMeView db={db} navigate={navigate} />}
      {creating && (
        <NewCourseDialog
          db={db}
          onCreated={(courseId) => {
            setCreating(false)
            navigate({ kind: 'course', courseId, lessonId: null })
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {joining && (
        <JoinDialog
          onInvite={(link) => {
            setJoining(false)
            invites.offer(link)
          }}
          onCancel={() => setJoining(false)}
        />
      )}
      {pendingInvite?.kind === 'invite' && (
        <JoinConfirmDialog
          key={pendingInvite.id}
          db={db}
          invite={pendingInvite.invite}
          onJoined={(courseId) => {
            invites.settle()
            navigate({ kind: 'course', courseId, lessonId: null })
          }}
          onCancel={invites.settle}
        />
      )}
      {pendingInvite?.kind === 'team-invite' && (
        <TeamJoinConfirmDialog
          key={pendingInvite.id}
          db={db}
          invite={pendingInvite.invite}
          onJoined={(teamId) => {
            invites.settle()
            navigate(teamRoute(teamId))
          }}
          onCancel={invites.settle}
        />
      )}
    </div>
  )
}
