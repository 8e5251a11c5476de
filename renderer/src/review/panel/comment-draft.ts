import type { XmlFragment } from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { anchorFromRange, resolveAnchor, type Anchor } from '../../../../shared/review/anchor'

/** A thread being written: its place is fixed when "Comment" is pressed, so edits meanwhile cannot move it. */
export interface CommentDraft {
  readonly lessonId: LessonId
  readonly anchor: Anchor
  /** What the selection said, kept with the thread for when the text is gone. */
  readonly quote: string
}

/** A draft for the selected range of a lesson, or null when the range holds no text to comment on. */
export const draftFromRange = (
  fragment: XmlFragment,
  lessonId: LessonId,
  from: number,
  to: number,
): CommentDraft | null => {
  const courseDoc = fragment.doc
  if (courseDoc === null || from === to) return null
  const anchor = anchorFromRange(fragment, from, to)
  const resolved = resolveAnchor(courseDoc, fragment, anchor)
  if (resolved.kind === 'detached' || resolved.text.trim() === '') return null
  return { lessonId, anchor, quote: resolved.text }
}
