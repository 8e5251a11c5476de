import { useEffect, useRef } from 'react'
import {
  deleteComment,
  editComment,
  reopenThread,
  reply,
  resolveThread,
} from '../../../../shared/review/commands'
import type { ThreadSnapshot } from '../../../../shared/review/types'
import type { ReviewSession } from '../review-session'
import { CommentForm } from './CommentForm'
import { CommentItem } from './CommentItem'
import { resolutionLabel, shortQuote } from './thread-labels'

interface ThreadCardProps {
  readonly thread: ThreadSnapshot
  readonly session: ReviewSession
  readonly detached: boolean
  /** Shown in the whole-course list. */
  readonly lessonTitle: string | null
  readonly focused: boolean
  /** The focus came from the editor: bring this card into view. */
  readonly reveal: boolean
  readonly now: number
  readonly onFocus: () => void
}

/** One thread: what it is about, its comments, a reply box and resolve / reopen. */
export function ThreadCard({
  thread,
  session,
  detached,
  lessonTitle,
  focused,
  reveal,
  now,
  onFocus,
}: ThreadCardProps) {
  const card = useRef<HTMLElement>(null)
  const { doc, me, members, canComment } = session
  const quote = shortQuote(thread.quote)

  useEffect(() => {
    if (reveal) card.current?.scrollIntoView({ block: 'nearest' })
  }, [reveal])

  return (
    <article
      ref={card}
      className={focused ? 'thread thread-focused' : 'thread'}
      aria-label={`Thread on “${quote}”`}
      aria-current={focused ? 'true' : undefined}
      data-resolved={thread.resolved || undefined}
    >
      {lessonTitle !== null && <p className="thread-lesson quiet">{lessonTitle}</p>}
      <button
        type="button"
        className="thread-quote"
        onClick={onFocus}
        aria-label={`Show “${quote}” in the lesson`}
      >
        <q>{thread.quote}</q>
      </button>
      {detached && (
        <p className="thread-detached" role="note">
          The text this comment was on was deleted
        </p>
      )}
      {thread.resolution !== null && (
        <p className="thread-resolution">{resolutionLabel(thread.resolution, now)}</p>
      )}
      <ol className="thread-comments" aria-label="Comments in this thread">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            me={me}
            members={members}
            canChange={canComment && comment.author.id === me.id}
            now={now}
            onEdit={(body, mentions) =>
              editComment(doc, { threadId: thread.id, commentId: comment.id, userId: me.id, body, mentions })
            }
            onDelete={() => deleteComment(doc, { threadId: thread.id, commentId: comment.id, userId: me.id })}
          />
        ))}
      </ol>
      {canComment && (
        <div className="thread-actions">
          <CommentForm
            label="Reply"
            submitLabel="Send reply"
            members={members}
            me={me}
            onSubmit={(body, mentions) => reply(doc, { threadId: thread.id, author: me, body, mentions })}
          />
          <button
            type="button"
            className="button"
            onClick={() =>
              (thread.resolved ? reopenThread : resolveThread)(doc, { threadId: thread.id, by: me })
            }
          >
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      )}
    </article>
  )
}
