import type * as Y from 'yjs'
import { lessonBody } from '../../../../shared/course/read'
import type { LessonId } from '../../../../shared/course/types'
import type { LessonFeedback } from '../../../../shared/feedback/types'
import { layoutOf } from '../../../../shared/review/body-layout'
import type { ThreadSnapshot } from '../../../../shared/review/types'
import { draftFromRange, type CommentDraft } from '../../review/panel/comment-draft'

/** The first comment of the review thread made from a learner's comment: who said it, in their words. */
export const threadBodyOf = (feedback: LessonFeedback): string =>
  `Pilot learner ${feedback.learner.name}: ${feedback.comment.trim()}`

/**
 * Where a thread about a whole lesson is anchored: its first block that holds text (usually the first paragraph),
 * all of it. Null for a lesson with no text at all (only media or questions), which no thread can point into.
 */
export const lessonStartDraft = (courseDoc: Y.Doc, lessonId: LessonId): CommentDraft | null => {
  const fragment = lessonBody(courseDoc, lessonId)
  if (fragment === undefined) return null
  const marks = layoutOf(fragment).boundaries.get(fragment) ?? []
  for (let block = 0; block + 1 < marks.length; block += 1) {
    const [before, after] = [marks[block] ?? 0, marks[block + 1] ?? 0]
    // Inside the block's opening and closing tokens: the anchor holds its text, not the block itself.
    const draft = draftFromRange(fragment, lessonId, before + 1, after - 1)
    if (draft !== null) return draft
  }
  return null
}

/** Whether a review thread was already made from this comment (on any device): same lesson, same first words. */
export const hasThreadFor = (threads: readonly ThreadSnapshot[], feedback: LessonFeedback): boolean => {
  const body = threadBodyOf(feedback)
  return threads.some((thread) => thread.lessonId === feedback.lessonId && thread.comments[0]?.body === body)
}
