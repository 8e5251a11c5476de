import type { Editor } from '@tiptap/react'
import { useId } from 'react'
import type { XmlFragment } from 'yjs'
import { useCommentShortcut } from './use-comment-shortcut'
import { useStartComment } from './use-start-comment'

interface CommentButtonProps {
  readonly editor: Editor
  readonly fragment: XmlFragment
}

const SHORTCUT =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘⌥M' : 'Ctrl+Alt+M'

/**
 * "Comment" on the selected text. Unavailable, it stays focusable (aria-disabled) and says why, so a keyboard
 * or screen reader user learns what to do instead of meeting a silent, skipped button.
 */
export function CommentButton({ editor, fragment }: CommentButtonProps) {
  const { reason, start } = useStartComment(editor, fragment)
  useCommentShortcut(editor, start)
  const reasonId = useId()
  return (
    <div className="comment-tools">
      <button
        type="button"
        className="button comment-button"
        aria-disabled={reason !== null}
        aria-describedby={reason === null ? undefined : reasonId}
        aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
        title={reason ?? `Comment on the selected text (${SHORTCUT})`}
        // Keep the lesson's selection: it is what the comment is about.
        onMouseDown={(event) => event.preventDefault()}
        onClick={start}
      >
        Comment
      </button>
      {reason !== null && (
        <span id={reasonId} className="visually-hidden">
          {reason}
        </span>
      )}
    </div>
  )
}
