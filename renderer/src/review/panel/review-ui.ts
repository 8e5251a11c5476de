/**
 * What the comment pieces of one open course share while it is on screen: which thread has the focus (the
 * editor and the side panel both follow it) and the thread being written. Not stored: it is view state.
 */
import { createContext, useContext } from 'react'
import type { LessonId } from '../../../../shared/course/types'
import type { ThreadId } from '../../../../shared/review/types'
import type { CommentDraft } from './comment-draft'

/**
 * Where the focus came from: the other side follows it (the panel scrolls to the thread, the editor to the text).
 * `link`: an address named the thread (For me opens one): both follow it.
 */
export type FocusSource = 'editor' | 'panel' | 'link'

export interface ThreadFocus {
  readonly threadId: ThreadId
  readonly source: FocusSource
}

export interface ReviewUi {
  /** The lesson open in the editor. */
  readonly lessonId: LessonId | null
  readonly focus: ThreadFocus | null
  focusThread(threadId: ThreadId | null, source: FocusSource): void
  readonly draft: CommentDraft | null
  startDraft(draft: CommentDraft): void
  endDraft(): void
}

export const ReviewUiContext = createContext<ReviewUi | null>(null)

/** Null outside a course workspace: the editor then shows no comment tools. */
export const useReviewUi = (): ReviewUi | null => useContext(ReviewUiContext)
