import { useMemo } from 'react'
import type { LessonId } from '../../../shared/course/types'
import { openThreadCounts } from '../../../shared/review/filters'
import { useThreads } from './review-session'

/**
 * How many open threads each lesson has, counted once for the whole outline: one subscription instead of one per
 * row, so a comment does not wake a thousand rows, each counting every thread.
 */
export const useOpenThreadCounts = (): ReadonlyMap<LessonId, number> => {
  const threads = useThreads()
  return useMemo(() => openThreadCounts(threads), [threads])
}
