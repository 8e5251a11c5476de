import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../shared/course/types'
import {
  observeFeedbackKeys,
  readLessonFeedback,
  setLessonFeedback,
} from '../../../shared/feedback/feedback-doc'
import type { LearnerRef, LessonFeedback, LessonReactionName } from '../../../shared/feedback/types'

export interface LearnerFeedback {
  /** The learner's own reaction and comment on the lesson, as stored; null before they give any. */
  readonly own: LessonFeedback | null
  /** Sets the reaction, or takes it back with null. */
  readonly react: (reaction: LessonReactionName | null) => void
  readonly comment: (text: string) => void
}

/** The learner's own feedback on one lesson, kept current (another device of theirs may change it), and its writers. */
export function useLearnerFeedback(
  doc: Y.Doc | null,
  learner: LearnerRef,
  lessonId: LessonId,
): LearnerFeedback {
  const [own, setOwn] = useState<LessonFeedback | null>(null)
  const learnerId = learner.id
  useEffect(() => {
    if (doc === null) {
      setOwn(null)
      return
    }
    const read = () => setOwn(readLessonFeedback(doc, learnerId, lessonId))
    read()
    return observeFeedbackKeys(doc, read)
  }, [doc, learnerId, lessonId])

  const { id, name } = learner
  const react = useCallback(
    (reaction: LessonReactionName | null) => {
      if (doc !== null) setLessonFeedback(doc, { id, name }, lessonId, { reaction })
    },
    [doc, id, name, lessonId],
  )
  const comment = useCallback(
    (text: string) => {
      if (doc !== null) setLessonFeedback(doc, { id, name }, lessonId, { comment: text })
    },
    [doc, id, name, lessonId],
  )
  return { own, react, comment }
}
