import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../shared/course/types'
import { watchAllFeedback } from '../../../shared/feedback/feedback-watch'
import { summariseFeedback, type AllFeedback } from '../../../shared/feedback/summary'
import type { FeedbackSummary } from '../../../shared/feedback/types'

const NOTHING: AllFeedback = { feedback: [], answers: [] }

/**
 * Every learner's feedback and answers, kept current as learners write (here or through the relay). Changes are
 * shown once per frame: joining the feedback room delivers the entries learners sent meanwhile in many messages,
 * and the panel is summarised and drawn once for all of them.
 */
export function useAllFeedback(doc: Y.Doc | null): AllFeedback {
  const [all, setAll] = useState<AllFeedback>(NOTHING)
  useEffect(() => {
    if (doc === null) {
      setAll(NOTHING)
      return
    }
    let frame: number | null = null
    const watch = watchAllFeedback(doc, () => {
      frame ??= requestAnimationFrame(() => {
        frame = null
        setAll(watch.current())
      })
    })
    setAll(watch.current())
    return () => {
      watch.stop()
      if (frame !== null) cancelAnimationFrame(frame)
    }
  }, [doc])
  return all
}

/** What the authors' Feedback panel shows, for the course's lessons in their order (pass a memoised list). */
export function useFeedbackSummary(doc: Y.Doc | null, lessonIds: readonly LessonId[]): FeedbackSummary {
  const all = useAllFeedback(doc)
  return useMemo(() => summariseFeedback(all, lessonIds), [all, lessonIds])
}
