import { useId } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { LESSON_REACTIONS } from '../../../../shared/export/player/reactions'
import type { LessonFeedback, LessonFeedbackSummary } from '../../../../shared/feedback/types'
import { createThread } from '../../../../shared/review/commands'
import { useReviewSession, useThreads } from '../../review/review-session'
import { formatFullDate } from '../../ui/relative-time'
import { hasThreadFor, lessonStartDraft, threadBodyOf } from './feedback-thread'

interface FeedbackCommentsProps {
  readonly courseDoc: Y.Doc
  readonly lessons: readonly LessonFeedbackSummary[]
  readonly titleOf: (id: LessonId) => string
}

const reactionLabel = (feedback: LessonFeedback): string =>
  LESSON_REACTIONS.find(({ name }) => name === feedback.reaction)?.label ?? 'No reaction'

/** Learners' comments, newest first per lesson; each can become a review thread on its lesson. */
export function FeedbackComments({ courseDoc, lessons, titleOf }: FeedbackCommentsProps) {
  const session = useReviewSession()
  const threads = useThreads()
  const headingId = useId()
  const comments = lessons.flatMap((lesson) => lesson.comments)
  if (comments.length === 0)
    return (
      <section className="feedback-section" aria-labelledby={headingId}>
        <h3 id={headingId}>Comments</h3>
        <p className="quiet">No learner has written a comment yet.</p>
      </section>
    )

  const turnIntoThread = (feedback: LessonFeedback): void => {
    if (session === null) return
    const draft = lessonStartDraft(courseDoc, feedback.lessonId)
    if (draft === null) return
    createThread(session.doc, { ...draft, author: session.me, body: threadBodyOf(feedback), mentions: [] })
  }

  return (
    <section className="feedback-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Comments</h3>
      <ul className="feedback-comments">
        {comments.map((feedback) => {
          const lessonTitle = titleOf(feedback.lessonId)
          const anchorable = lessonStartDraft(courseDoc, feedback.lessonId) !== null
          return (
            <li key={`${feedback.learner.id}/${feedback.lessonId}`} className="feedback-comment">
              <p className="feedback-comment-meta">
                <strong>{feedback.learner.name || 'A pilot learner'}</strong> on “{lessonTitle}” ·{' '}
                {reactionLabel(feedback)} ·{' '}
                <time dateTime={new Date(feedback.updatedAt).toISOString()}>
                  {formatFullDate(feedback.updatedAt)}
                </time>
              </p>
              <p className="feedback-comment-body">{feedback.comment}</p>
              {hasThreadFor(threads, feedback) ? (
                <p className="quiet">✓ Turned into a review thread on “{lessonTitle}”</p>
              ) : session?.canComment ? (
                <button
                  type="button"
                  className="button"
                  disabled={!anchorable}
                  title={anchorable ? undefined : 'This lesson has no text to attach a thread to.'}
                  onClick={() => turnIntoThread(feedback)}
                  aria-label={`Turn into review thread: ${feedback.learner.name} on “${lessonTitle}”`}
                >
                  Turn into review thread
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
