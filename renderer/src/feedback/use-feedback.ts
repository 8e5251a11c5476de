import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../shared/course/types'
import { observeFeedback, readAllFeedback } from '../../../shared/feedback/feedback-doc'
import { summariseFeedback, type AllFeedback } from '../../../shared/feedback/summary'
import type { FeedbackSummary } from '../../../shared/feedback/types'

const NOTHING: AllFeedback = { feedback: [], answers: [] }

/** Every learner's feedback and answers, kept current as learners write (here or through the relay). */
export function useAllFeedback(doc: Y.Doc | null): AllFeedback {
  const [all, setAll] = useState<AllFeedback>(NOTHING)
  useEffect(() => {
    if (doc === null) {
      setAll(NOTHING)
      return
    }
    setAll(readAllFeedback(doc))
    return observeFeedback(doc, () => setAll(readAllFeedback(doc)))
  }, [doc])
  return all
}

/** What the authors' Feedback panel shows, for the course's lessons in their order (pass a memoised list). */
export function useFeedbackSummary(doc: Y.Doc | null, lessonIds: readonly LessonId[]): FeedbackSummary {
  const all = useAllFeedback(doc)
  return useMemo(() => summariseFeedback(all, lessonIds), [all, lessonIds])
}
