import { useState } from 'react'
import type { CommentSnapshot, Person } from '../../../../shared/review/types'
import { currentName } from '../members'
import { formatFullDate } from '../../ui/relative-time'
import { CommentForm } from './CommentForm'
import { formatWhen } from './thread-labels'

interface CommentItemProps {
  readonly comment: CommentSnapshot
  readonly me: Person
  readonly members: readonly Person[]
  /** Only the author may edit or delete, and only with a role that may comment. */
  readonly canChange: boolean
  readonly now: number
  readonly onEdit: (body: string, mentions: readonly string[]) => void
  readonly onDelete: () => void
}

export function CommentItem({ comment, me, members, canChange, now, onEdit, onDelete }: CommentItemProps) {
  const [editing, setEditing] = useState(false)
  const author = currentName(comment.author, members) || 'Someone'
  return (
    <li className="comment" aria-label={`${author}’s comment`}>
      <p className="comment-byline">
        <strong className="comment-author">{author}</strong>{' '}
        <time dateTime={new Date(comment.createdAt).toISOString()} title={formatFullDate(comment.createdAt)}>
          {formatWhen(comment.createdAt, now)}
        </time>
        {comment.editedAt !== null && !comment.deleted && <span className="quiet"> · edited</span>}
      </p>
      {comment.deleted ? (
        <p className="comment-body quiet">Comment deleted</p>
      ) : editing ? (
        <CommentForm
          label="Edit comment"
          submitLabel="Save"
          members={members}
          me={me}
          initialBody={comment.body}
          autoFocus
          onSubmit={(body, mentions) => (onEdit(body, mentions), setEditing(false))}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="comment-body">{comment.body}</p>
      )}
      {canChange && !comment.deleted && !editing && (
        <div className="comment-actions">
          <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> comment</span>
          </button>
          <button type="button" className="button button-quiet" onClick={onDelete}>
            Delete<span className="visually-hidden"> comment</span>
          </button>
        </div>
      )}
    </li>
  )
}
