import { createThread } from '../../../../shared/review/commands'
import type { ThreadId } from '../../../../shared/review/types'
import type { ReviewSession } from '../review-session'
import type { CommentDraft } from './comment-draft'
import { CommentForm } from './CommentForm'

interface NewThreadComposerProps {
  readonly draft: CommentDraft
  readonly session: ReviewSession
  readonly onDone: (created: ThreadId | null) => void
}

/** The first comment of a new thread on the text that was selected when "Comment" was pressed. */
export function NewThreadComposer({ draft, session, onDone }: NewThreadComposerProps) {
  return (
    <section className="thread thread-new" aria-label="New comment">
      <q className="thread-quote-text">{draft.quote}</q>
      <CommentForm
        label="New comment"
        submitLabel="Post comment"
        members={session.members}
        me={session.me}
        autoFocus
        onSubmit={(body, mentions) =>
          onDone(
            createThread(session.doc, {
              lessonId: draft.lessonId,
              anchor: draft.anchor,
              quote: draft.quote,
              author: session.me,
              body,
              mentions,
            }),
          )
        }
        onCancel={() => onDone(null)}
      />
    </section>
  )
}
