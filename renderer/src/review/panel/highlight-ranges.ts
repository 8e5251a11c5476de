/**
 * Where the lesson editor draws comment highlights: the current range of each open thread of the lesson, read
 * from the thread's anchor (Yjs relative positions) against the lesson's Y.XmlFragment. Pure, so it is tested
 * without an editor.
 */
import type { XmlFragment } from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { resolveAnchor } from '../../../../shared/review/anchor'
import type { ThreadId, ThreadSnapshot } from '../../../../shared/review/types'

export interface HighlightRange {
  readonly threadId: ThreadId
  /** ProseMirror positions of the lesson editor. */
  readonly from: number
  readonly to: number
}

/** Open threads of the lesson whose text is still there, in document order; detached threads draw nothing. */
export const highlightRanges = (
  threads: readonly ThreadSnapshot[],
  lessonId: LessonId,
  fragment: XmlFragment,
): HighlightRange[] => {
  const courseDoc = fragment.doc
  if (courseDoc === null) return []
  const ranges: HighlightRange[] = []
  for (const thread of threads) {
    if (thread.lessonId !== lessonId || thread.resolved || thread.anchor === null) continue
    const resolved = resolveAnchor(courseDoc, fragment, thread.anchor)
    if (resolved.kind === 'attached')
      ranges.push({ threadId: thread.id, from: resolved.from, to: resolved.to })
  }
  return ranges.sort((a, b) => a.from - b.from || b.to - a.to)
}

/** Whether two lists draw the same highlights (both in document order, as `highlightRanges` returns them). */
export const sameRanges = (a: readonly HighlightRange[], b: readonly HighlightRange[]): boolean =>
  a.length === b.length &&
  a.every((range, i) => {
    const other = b[i]
    return (
      other !== undefined &&
      range.threadId === other.threadId &&
      range.from === other.from &&
      range.to === other.to
    )
  })

/**
 * The thread whose highlight holds a selection, the innermost one where highlights nest or overlap. A caret
 * must be strictly inside: one sitting just before or after the phrase is not "on" it.
 */
export const threadAt = (ranges: readonly HighlightRange[], from: number, to: number): ThreadId | null => {
  const holds = (range: HighlightRange) =>
    from === to ? range.from < from && from < range.to : range.from <= from && to <= range.to
  const inner = ranges.filter(holds).sort((a, b) => a.to - a.from - (b.to - b.from))[0]
  return inner?.threadId ?? null
}
