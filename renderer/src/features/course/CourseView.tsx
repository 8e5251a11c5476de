import type { CourseId, LessonId } from '../../../../shared/course/types'
import type { ThreadId } from '../../../../shared/review/types'
import type { ChorusError } from '../../../../shared/errors'
import { HistorySessionProvider } from '../../history/HistorySessionProvider'
import { routeHash, type Route } from '../../navigation/route'
import { contentAccess } from '../../review/content-access'
import { useCourseIdentity } from '../../review/use-course-identity'
import { openCourseStore } from '../../storage/course-store'
import type { ChorusDb } from '../../storage/db'
import { useOpenStore } from '../../storage/use-open-store'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { CourseWorkspace } from './CourseWorkspace'
import { LearnerView } from './LearnerView'

interface CourseViewProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly lessonId: LessonId | null
  readonly threadId: ThreadId | null
  readonly navigate: (route: Route) => void
  readonly onCloseFailed: (error: ChorusError) => void
}

/**
 * One open course: owns its store from opening to closing (which flushes). Who the user is in the course is read
 * while the store opens, not after: the workspace is built once, already knowing whether this user may edit.
 */
export function CourseView({ db, courseId, lessonId, threadId, navigate, onCloseFailed }: CourseViewProps) {
  const state = useOpenStore(openCourseStore, db, courseId, onCloseFailed)
  const identity = useCourseIdentity(db, courseId)
  switch (state.status) {
    case 'opening':
      return (
        <main className="course-message">
          <p className="quiet">Opening the course…</p>
        </main>
      )
    case 'failed':
      return (
        <main className="course-message">
          <ErrorNotice error={state.error} />
          <a className="button" href={routeHash({ kind: 'library' })}>
            Back to the library
          </a>
        </main>
      )
    case 'open':
      // A few milliseconds at most: the identity read started with the store's.
      if (identity.status === 'loading') return null
      // A pilot learner takes the course, never works on it: the learner view is all they get.
      if (identity.status === 'known' && identity.identity.role === 'learner')
        return (
          <LearnerView
            db={db}
            store={state.store}
            courseId={courseId}
            learner={identity.identity.me}
            lessonId={lessonId}
            onCloseFailed={onCloseFailed}
          />
        )
      return (
        <HistorySessionProvider
          db={db}
          courseId={courseId}
          course={state.store.doc}
          identity={identity}
          contentEditable={contentAccess(state.store.access, identity).editable}
          onCloseFailed={onCloseFailed}
        >
          <CourseWorkspace
            db={db}
            store={state.store}
            identity={identity}
            courseId={courseId}
            lessonId={lessonId}
            threadId={threadId}
            navigate={navigate}
            onCloseFailed={onCloseFailed}
          />
        </HistorySessionProvider>
      )
  }
}
