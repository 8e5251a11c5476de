import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { LessonId } from '../../../../shared/course/types'
import type { ThreadId } from '../../../../shared/review/types'
import type { CommentDraft } from './comment-draft'
import { ReviewUiContext, type FocusSource, type ReviewUi, type ThreadFocus } from './review-ui'

interface ReviewUiProviderProps {
  readonly lessonId: LessonId | null
  /** A thread the address names: focused when the course opens with it (or the address changes to it). */
  readonly linkedThread: ThreadId | null
  readonly children: ReactNode
}

export function ReviewUiProvider({ lessonId, linkedThread, children }: ReviewUiProviderProps) {
  const [focus, setFocus] = useState<ThreadFocus | null>(null)
  const [draft, setDraft] = useState<CommentDraft | null>(null)
  // Stable callbacks, so the editor's listeners are not re-attached on every focus change.
  const focusThread = useCallback((threadId: ThreadId | null, source: FocusSource) => {
    setFocus((current) =>
      threadId === null
        ? null
        : current?.threadId === threadId && current.source === source
          ? current
          : { threadId, source },
    )
  }, [])
  useEffect(() => {
    if (linkedThread !== null) focusThread(linkedThread, 'link')
  }, [linkedThread, focusThread])
  const endDraft = useCallback(() => setDraft(null), [])
  const value = useMemo<ReviewUi>(
    () => ({ lessonId, focus, focusThread, draft, startDraft: setDraft, endDraft }),
    [lessonId, focus, focusThread, draft, endDraft],
  )
  return <ReviewUiContext value={value}>{children}</ReviewUiContext>
}
