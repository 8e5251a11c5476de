import { useEditorState, type Editor } from '@tiptap/react'
import { useCallback } from 'react'
import type { XmlFragment } from 'yjs'
import { useReviewSession } from '../review-session'
import { draftFromRange } from './comment-draft'
import { useReviewUi } from './review-ui'

export interface StartComment {
  /** Why commenting is not possible right now, or null when it is. */
  readonly reason: string | null
  /** Opens the new-thread composer on the selection; does nothing while `reason` is set. */
  readonly start: () => void
}

/**
 * ProseMirror learns of a selection the browser changed (Shift+arrows) from a `selectionchange` event that arrives
 * after the key: a shortcut pressed right after the last arrow would otherwise comment on the selection one
 * character short. Its DOM observer's flush reads the page's selection now; it is not in the typings, hence the shape.
 */
const readPendingSelection = (editor: Editor): void =>
  (editor.view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush()

const CARET = { from: 0, to: 0 }

/** Commenting on the lesson's selection; works in a read-only editor, since reviewers comment without editing. */
export function useStartComment(editor: Editor, fragment: XmlFragment): StartComment {
  const session = useReviewSession()
  const ui = useReviewUi()
  const lessonId = ui?.lessonId ?? null
  const startDraft = ui?.startDraft
  // A caret, wherever it is, comments on nothing: typing moves it on every key and must not re-render the button.
  const selection = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const { from, to } = e.state.selection
      return from === to ? CARET : { from, to }
    },
    equalityFn: (a, b) => a.from === b?.from && a.to === b.to,
  })
  const draft = lessonId === null ? null : draftFromRange(fragment, lessonId, selection.from, selection.to)

  const reason =
    session === null || lessonId === null
      ? 'Comments are not available yet.'
      : !session.canComment
        ? 'Your role lets you read comments but not write them.'
        : draft === null
          ? 'Select text in the lesson to comment on it.'
          : null

  // Anchored to the selection as it is at the press, not as it was at the last render.
  const start = useCallback(() => {
    if (reason !== null || lessonId === null) return
    readPendingSelection(editor)
    const { from, to } = editor.state.selection
    const current = draftFromRange(fragment, lessonId, from, to)
    if (current !== null) startDraft?.(current)
  }, [reason, editor, fragment, lessonId, startDraft])

  return { reason, start }
}
