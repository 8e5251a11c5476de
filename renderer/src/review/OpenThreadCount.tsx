import type { LessonId } from '../../../shared/course/types'
import { openThreadCounts } from '../../../shared/review/filters'
import { openCommentsLabel } from './comment-labels'
import { useThreads } from './review-session'

/** The number of open comment threads on a lesson, for its outline row; nothing when there are none. */
export function OpenThreadCount({ lessonId }: { readonly lessonId: LessonId }) {
  const count = openThreadCounts(useThreads()).get(lessonId) ?? 0
  if (count === 0) return null
  const label = openCommentsLabel(count)
  return (
    <span className="open-thread-count" role="img" aria-label={label} title={label}>
      <span aria-hidden="true">💬 {count}</span>
    </span>
  )
}
