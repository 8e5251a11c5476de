import type { CourseId, LessonId } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import { routeHash, type Route } from '../../navigation/route'
import { openCourseStore } from '../../storage/course-store'
import type { ChorusDb } from '../../storage/db'
import { useOpenStore } from '../../storage/use-open-store'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { CourseWorkspace } from './CourseWorkspace'

interface CourseViewProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly lessonId: LessonId | null
  readonly navigate: (route: Route) => void
  readonly onCloseFailed: (error: ChorusError) => void
}

/** One open course: owns its store from opening to closing (which flushes). */
export function CourseView({ db, courseId, lessonId, navigate, onCloseFailed }: CourseViewProps) {
  const state = useOpenStore(openCourseStore, db, courseId, onCloseFailed)
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
      return (
        <CourseWorkspace
          db={db}
          store={state.store}
          courseId={courseId}
          lessonId={lessonId}
          navigate={navigate}
          onCloseFailed={onCloseFailed}
        />
      )
  }
}
