import { useEffect } from 'react'
import { findLesson } from '../../../../shared/course/read'
import type { CourseId, LessonId } from '../../../../shared/course/types'
import type { Route } from '../../app/route'
import type { CourseStore } from '../../storage/course-store'
import type { ChorusDb } from '../../storage/db'
import { PresenceContext, useShareOpenLesson } from '../../sync/presence'
import { useCourseSync } from '../../sync/use-course-sync'
import { LessonPane } from '../editor/LessonPane'
import { ExportButton } from '../export/ExportButton'
import { SaveCopyButton } from '../files/SaveCopyButton'
import { OutlinePane } from '../outline/OutlinePane'
import { CourseHeader } from './CourseHeader'
import { NoLessonSelected } from './NoLessonSelected'
import { ReadOnlyBanner } from './ReadOnlyBanner'
import { useCourseSnapshot } from './use-course-snapshot'

interface CourseWorkspaceProps {
  readonly db: ChorusDb
  readonly store: CourseStore
  readonly courseId: CourseId
  readonly lessonId: LessonId | null
  readonly navigate: (route: Route) => void
}

export function CourseWorkspace({ db, store, courseId, lessonId, navigate }: CourseWorkspaceProps) {
  const sync = useCourseSync(db, courseId, store.doc)
  const snapshot = useCourseSnapshot(store.doc)
  const readOnly = store.access.kind === 'read-only'
  const found = lessonId === null ? undefined : findLesson(snapshot, lessonId)
  const title = snapshot.meta.title
  useShareOpenLesson(sync.provider, found ? found.lesson.id : null)

  useEffect(() => {
    document.title = `${title} · Chorus`
    return () => {
      document.title = 'Chorus'
    }
  }, [title])

  const selectLesson = (id: LessonId | null) => navigate({ kind: 'course', courseId, lessonId: id })

  return (
    <PresenceContext value={sync.provider}>
      <div className="course">
        <CourseHeader
          doc={store.doc}
          title={title}
          readOnly={readOnly}
          store={store}
          connection={sync.status}
          actions={
            <>
              <SaveCopyButton db={db} courseId={courseId} doc={store.doc} />
              <ExportButton db={db} courseId={courseId} doc={store.doc} />
            </>
          }
        />
        {readOnly && <ReadOnlyBanner />}
        <div className="course-columns">
          <OutlinePane
            doc={store.doc}
            sections={snapshot.sections}
            readOnly={readOnly}
            selectedLessonId={found ? found.lesson.id : null}
            onSelectLesson={selectLesson}
          />
          <main className="lesson-area">
            {found ? (
              <LessonPane key={found.lesson.id} doc={store.doc} lesson={found.lesson} readOnly={readOnly} />
            ) : (
              <NoLessonSelected
                missing={lessonId !== null}
                hasLessons={snapshot.sections.some((s) => s.lessons.length > 0)}
              />
            )}
          </main>
        </div>
      </div>
    </PresenceContext>
  )
}
