import { useCallback, useEffect, useState } from 'react'
import type { CourseSnapshot, CourseId, LessonId } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import { recordAnswer } from '../../../../shared/feedback/feedback-doc'
import type { LearnerRef } from '../../../../shared/feedback/types'
import { useFeedbackSession } from '../../feedback/use-feedback-session'
import { routeHash } from '../../navigation/route'
import type { CourseStore } from '../../storage/course-store'
import type { ChorusDb } from '../../storage/db'
import { useCourseSync } from '../../sync/use-course-sync'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { RoomSyncNote } from '../../sync/RoomSyncNote'
import { LessonFeedbackForm } from '../feedback/LessonFeedbackForm'
import { LearnerPlayer, type PlayerLesson } from '../preview/LearnerPlayer'
import { ConnectionIndicator } from './ConnectionIndicator'
import { useCourseSnapshot } from './use-course-snapshot'
import './learner-view.css'

interface LearnerViewProps {
  readonly db: ChorusDb
  readonly store: CourseStore
  readonly courseId: CourseId
  readonly learner: LearnerRef
  /** The lesson in the address, where the player starts; null starts at the first lesson. */
  readonly lessonId: LessonId | null
  readonly onCloseFailed: (error: ChorusError) => void
}

/** What the player shows of the outline: a change here means the course the learner has open is out of date. */
const outlineKey = (snapshot: CourseSnapshot): string =>
  snapshot.sections.flatMap((section) => section.lessons.map((l) => `${l.id}\t${l.title}`)).join('\n')

/**
 * The course as a pilot learner (`--role learner`) gets it: the export's player, full window, and beside it their
 * feedback on the lesson they are on. Nothing of the authors' workshop shows (editor, outline, comments, history,
 * export): the relay would not let a learner change or even read them. The course syncs as for anyone, so a
 * learner sees the authors' latest version when they choose to load it.
 */
export function LearnerView({ db, store, courseId, learner, lessonId, onCloseFailed }: LearnerViewProps) {
  const sync = useCourseSync(db, courseId, store.doc)
  const snapshot = useCourseSnapshot(store.doc)
  const feedback = useFeedbackSession(db, courseId, onCloseFailed)
  const [lesson, setLesson] = useState<PlayerLesson | null>(null)
  const [shownKey, setShownKey] = useState<string | null>(null)
  const title = snapshot.meta.title
  const key = outlineKey(snapshot)

  useEffect(() => {
    document.title = `${title} · Chorus`
    return () => {
      document.title = 'Chorus'
    }
  }, [title])
  // The player opens once the course has lessons: a course just joined has none until the relay sends it.
  useEffect(() => {
    if (shownKey === null && key !== '') setShownKey(key)
  }, [shownKey, key])

  const feedbackDoc = feedback.doc
  const { id, name } = learner
  const onAnswer = useCallback(
    (lessonOf: LessonId, questionId: string, correct: boolean) => {
      if (feedbackDoc !== null) recordAnswer(feedbackDoc, { id, name }, lessonOf, questionId, correct)
    },
    [feedbackDoc, id, name],
  )

  return (
    <div className="learner-view">
      <header className="learner-header">
        <a className="back-link" href={routeHash({ kind: 'library' })}>
          <span aria-hidden="true">← </span>Library
        </a>
        <h1 className="learner-title">{title}</h1>
        <p className="learner-role">Pilot learner · {learner.name}</p>
        {sync.connection && <ConnectionIndicator connection={sync.connection} />}
      </header>
      {feedback.problem && <ErrorNotice error={feedback.problem} />}
      <div className="learner-body">
        <main className="learner-player" aria-label="Course">
          {shownKey === null ? (
            <p className="preview-message" role="status">
              Waiting for the course from the relay…
            </p>
          ) : (
            <>
              {shownKey !== key && key !== '' && (
                <p className="learner-update" role="status">
                  The authors changed this course.{' '}
                  <button type="button" className="button" onClick={() => setShownKey(key)}>
                    Load the latest version
                  </button>
                </p>
              )}
              <LearnerPlayer
                key={shownKey}
                db={db}
                doc={store.doc}
                title={title}
                startLessonId={lesson?.id ?? lessonId}
                onLesson={setLesson}
                onAnswer={onAnswer}
              />
            </>
          )}
        </main>
        <aside className="learner-feedback" aria-label="Your feedback">
          {lesson === null ? (
            <p className="quiet">Open a lesson to tell the authors what you think of it.</p>
          ) : (
            <LessonFeedbackForm key={lesson.id} doc={feedbackDoc} learner={learner} lesson={lesson} />
          )}
          <RoomSyncNote
            status={feedback.sync}
            subject="Feedback"
            change="feedback change"
            kept="Your feedback stays saved on this device."
            className="quiet feedback-sync-note"
          />
        </aside>
      </div>
    </div>
  )
}
