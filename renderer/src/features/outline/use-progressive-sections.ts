import { useEffect, useState } from 'react'
import { whenIdle } from '../../ui/when-idle'
import type { OutlinePositions } from './outline-positions'

/** Rows the first paint builds: more than a tall window's outline shows at once. */
const FIRST_PAINT_ROWS = 60
/** Rows built per idle moment after it: each step stays a short task. */
const ROWS_PER_STEP = 100
/** An idle moment is waited for this long at most, so a busy page still gets every row soon. */
const STEP_DEADLINE_MS = 100

/** How many sections, from `from` on, hold about `rows` rows (a section's header counts as one). */
export const sectionsFilling = (lessonCounts: readonly number[], from: number, rows: number): number => {
  let end = from
  let filled = 0
  while (end < lessonCounts.length && filled < rows) filled += 1 + (lessonCounts[end++] ?? 0)
  return end
}

/**
 * How many of the outline's sections to render. A long course's first paint builds only the sections that fill
 * the outline's first screen (and up to the one that must show, such as the open lesson's); the others follow in
 * idle moments, a few at a time. A thousand-lesson course so opens without building a thousand rows first, and
 * every row is still in the page moments later, for find-in-page, screen readers and anything that looks a lesson
 * up by name. Once every section has rendered, the outline stays whole: sections added later render at once.
 */
export function useProgressiveSections(positions: OutlinePositions, mustShow: number): number {
  const { lessonCounts } = positions
  const [built, setBuilt] = useState(() => sectionsFilling(lessonCounts, 0, FIRST_PAINT_ROWS))
  const [whole, setWhole] = useState(false)
  const shown = Math.max(built, mustShow)

  useEffect(() => {
    if (whole) return
    if (shown >= lessonCounts.length) {
      setWhole(true)
      return
    }
    return whenIdle(() => setBuilt(sectionsFilling(lessonCounts, shown, ROWS_PER_STEP)), STEP_DEADLINE_MS)
  }, [whole, shown, lessonCounts])

  return whole ? lessonCounts.length : Math.min(shown, lessonCounts.length)
}
