import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { CourseId, LessonId, SectionSnapshot } from '../../../../shared/course/types'
import { useFeedbackSummary } from '../../feedback/use-feedback'
import type { FeedbackSession } from '../../feedback/use-feedback-session'
import { Dialog } from '../../ui/Dialog'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { FeedbackComments } from './FeedbackComments'
import { InviteLearners } from './InviteLearners'
import { LessonReactionTable } from './LessonReactionTable'
import { QuestionRates } from './QuestionRates'
import './feedback.css'

interface FeedbackPanelProps {
  readonly session: FeedbackSession
  readonly courseId: CourseId
  readonly courseDoc: Y.Doc
  readonly sections: readonly SectionSnapshot[]
  readonly onClose: () => void
}

const syncNote = (session: FeedbackSession): string | null => {
  switch (session.sync?.kind) {
    case undefined:
    case 'synced':
      return null
    case 'offline':
    case 'connecting':
      return 'Offline: this is the feedback last received from the relay. New feedback arrives when you reconnect.'
    case 'refused':
      return 'The relay refused the feedback connection: this is the feedback last received on this device.'
  }
}

/** What pilot learners said: the course score, reactions per lesson, first-try rates per question, comments. */
export function FeedbackPanel({ session, courseId, courseDoc, sections, onClose }: FeedbackPanelProps) {
  const lessons = useMemo(() => sections.flatMap((section) => section.lessons), [sections])
  const lessonIds = useMemo(() => lessons.map((lesson) => lesson.id), [lessons])
  const summary = useFeedbackSummary(session.doc, lessonIds)
  const titleOf = (id: LessonId): string =>
    lessons.find((lesson) => lesson.id === id)?.title.trim() || 'Untitled lesson'
  const note = syncNote(session)

  return (
    <Dialog role="dialog" title="Feedback from pilot learners" onCancel={onClose}>
      <div className="feedback-panel">
        {session.problem && <ErrorNotice error={session.problem} />}
        {note && <p className="quiet">{note}</p>}
        {session.doc === null ? (
          <p className="quiet">Loading the feedback…</p>
        ) : summary.learners === 0 ? (
          <InviteLearners courseId={courseId} />
        ) : (
          <>
            <p className="feedback-score">
              <strong>
                Course score: {summary.score === null ? 'no reactions yet' : `${summary.score} %`}
              </strong>
              {summary.score !== null && ' of reactions say “Helpful”'} · {summary.learners} pilot{' '}
              {summary.learners === 1 ? 'learner' : 'learners'}
            </p>
            <LessonReactionTable lessons={summary.lessons} titleOf={titleOf} />
            <QuestionRates
              courseDoc={courseDoc}
              questions={summary.questions}
              lessonIds={lessonIds}
              titleOf={titleOf}
            />
            <FeedbackComments courseDoc={courseDoc} lessons={summary.lessons} titleOf={titleOf} />
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
