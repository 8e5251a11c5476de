import { useState } from 'react'
import { parseMentions } from '../../../../shared/review/mentions'
import type { Person } from '../../../../shared/review/types'
import { MentionTextarea } from './MentionTextarea'

interface CommentFormProps {
  /** The text box's accessible name, e.g. "Reply". */
  readonly label: string
  readonly submitLabel: string
  readonly members: readonly Person[]
  readonly me: Person
  readonly initialBody?: string
  readonly autoFocus?: boolean
  readonly onSubmit: (body: string, mentions: readonly string[]) => void
  readonly onCancel?: () => void
}

/** Writing a comment: a new thread's first one, a reply or an edit. Empty comments are not sent. */
export function CommentForm({
  label,
  submitLabel,
  members,
  me,
  initialBody = '',
  autoFocus,
  onSubmit,
  onCancel,
}: CommentFormProps) {
  const [body, setBody] = useState(initialBody)
  const empty = body.trim() === ''
  const submit = (): void => {
    if (empty) return
    onSubmit(body.trim(), parseMentions(body, members))
    setBody('')
  }
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <MentionTextarea
        label={label}
        value={body}
        onChange={setBody}
        members={members}
        meId={me.id}
        autoFocus={autoFocus}
        onSubmit={submit}
        onCancel={onCancel}
      />
      <div className="comment-form-actions">
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={empty}>
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
