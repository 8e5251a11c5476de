import { useEffect } from 'react'
import { findLesson } from '../../../../shared/course/read'
import type { CourseId, LessonId } from '../../../../shared/course/types'
import type { ThreadId } from '../../../../shared/review/types'
import type { ChorusError } from '../../../../shared/errors'
import type { Route } from '../../navigation/route'
import { contentAccess } from '../../review/content-access'
import { ReviewProblemNotice } from '../../review/ReviewProblemNotice'
import { ReviewSessionProvider } from '../../review/ReviewSessionProvider'
import type { IdentityState } from '../../review/use-course-identity'
import type { CourseStore } from '../../storage/course-store'
import type { ChorusDb } from '../../storage/db'
import { PresenceContext, useShareOpenLesson } from '../../sync/presence'
import { useCourseSync } from '../../sync/use-course-sync'
import { CourseTeamProvider } from '../../team/CourseTeamProvider'
import { TeamProgressPublisher } from '../../team/TeamProgressPublisher'
import { CourseSettingsButton } from '../course-settings/CourseSettingsButton'
import { LessonPane } from '../editor/LessonPane'
import { ExportButton } from '../export/ExportButton'
import { FeedbackButton } from '../feedback/FeedbackButton'
import { HistoryButton } from '../history/HistoryButton'
import { SaveCopyButton } from '../files/SaveCopyButton'
import { ImportDocumentButton } from '../import/ImportDocumentButton'
import { OutlinePane } from '../outline/OutlinePane'
import { PreviewButton } from '../preview/PreviewButton'
import { CommentsPanel } from '../../review/panel/CommentsPanel'
import { ReviewUiProvider } from '../../review/panel/ReviewUiProvider'
import { SettingsButton } from '../settings/SettingsButton'
import { ShareButton } from '../join/ShareButton'
import { CourseHeader } from './CourseHeader'
import { NoLessonSelected } from './NoLessonSelected'
import { ReadOnlyBanner } from './ReadOnlyBanner'
import { useCourseSnapshot } from './use-course-snapshot'

interface CourseWorkspaceProps {
  readonly db: ChorusDb
  readonly store: CourseStore
  /** Never 'loading': the course view waits for it. */
  readonly identity: Exclude<IdentityState, { readonly status: 'loading' }>
  readonly courseId: CourseId
  readonly lessonId: LessonId | null
  /** A thread the address names: put in view, in the panel and in the lesson's text, when the course opens. */
  readonly threadId: ThreadId | null
  readonly navigate: (route: Route) => void
  readonly onCloseFailed: (error: ChorusError) => void
}

/** Pilot learners' feedback is for those who improve the course: authors and reviewers (and anyone storage cannot place). */
const showsFeedback = (identity: CourseWorkspaceProps['identity']): boolean =>
  identity.status === 'unknown' ||
  identity.identity.role === 'author' ||
  identity.identity.role === 'reviewer'

export function CourseWorkspace({
  db,
  store,
  identity,
  courseId,
  lessonId,
  threadId,
  navigate,
  onCloseFailed,
}: CourseWorkspaceProps) {
  const sync = useCourseSync(db, courseId, store.doc)
  const snapshot = useCourseSnapshot(store.doc)
  const access = contentAccess(store.access, identity)
  const readOnly = !access.editable
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
      <CourseTeamProvider db={db} courseId={courseId} onCloseFailed={onCloseFailed}>
        <ReviewSessionProvider db={db} courseId={courseId} identity={identity} onCloseFailed={onCloseFailed}>
          {!readOnly && <TeamProgressPublisher courseDoc={store.doc} />}
          <div className="course">
            <CourseHeader
              doc={store.doc}
              title={title}
              readOnly={readOnly}
              store={store}
              connection={sync.connection}
              actions={
                <>
                  <CourseSettingsButton
                    doc={store.doc}
                    settings={snapshot.meta.settings}
                    readOnly={readOnly}
                  />
                  <PreviewButton
                    db={db}
                    doc={store.doc}
                    title={title}
                    lessonId={found ? found.lesson.id : null}
                  />
                  <SaveCopyButton db={db} doc={store.doc} />
                  {!readOnly && (
                    <ImportDocumentButton db={db} target={{ kind: 'course', courseId, doc: store.doc }} />
                  )}
                  <ExportButton db={db} doc={store.doc} />
                  <HistoryButton db={db} />
                  {showsFeedback(identity) && (
                    <FeedbackButton
                      db={db}
                      courseId={courseId}
                      courseDoc={store.doc}
                      sections={snapshot.sections}
                      onCloseFailed={onCloseFailed}
                    />
                  )}
                  {sync.shared === false && <ShareButton db={db} courseId={courseId} />}
                  <SettingsButton db={db} />
                </>
              }
            />
            {access.reason && <ReadOnlyBanner reason={access.reason} />}
            <ReviewProblemNotice />
            <div className="course-columns">
              <OutlinePane
                doc={store.doc}
                sections={snapshot.sections}
                readOnly={readOnly}
                selectedLessonId={found ? found.lesson.id : null}
                onSelectLesson={selectLesson}
              />
              {/* Around the lesson and the comments only: its value changes with every lesson switch and thread
                focus, and React would look through every outline row for a reader of it each time. */}
              <ReviewUiProvider lessonId={found ? found.lesson.id : null} linkedThread={threadId}>
                <main className="lesson-area">
                  {found ? (
                    <LessonPane
                      db={db}
                      courseId={courseId}
                      doc={store.doc}
                      lesson={found.lesson}
                      readOnly={readOnly}
                    />
                  ) : (
                    <NoLessonSelected
                      missing={lessonId !== null}
                      hasLessons={snapshot.sections.some((s) => s.lessons.length > 0)}
                    />
                  )}
                </main>
                <CommentsPanel
                  courseDoc={store.doc}
                  sections={snapshot.sections}
                  onOpenLesson={selectLesson}
                />
              </ReviewUiProvider>
            </div>
          </div>
        </ReviewSessionProvider>
      </CourseTeamProvider>
    </PresenceContext>
  )
}
