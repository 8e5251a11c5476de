import type { LessonId, SectionId, SectionSnapshot } from '../../../../shared/course/types'
import type { OutlineItem } from './outline-item'
import type { MoveDirection } from './outline-moves'

export interface LessonPosition {
  readonly sectionId: SectionId
  readonly sectionIndex: number
  readonly lessonIndex: number
}

/** Where every row sits, computed once per outline snapshot so no row has to search the outline for itself. */
export interface OutlinePositions {
  readonly sectionCount: number
  readonly sections: ReadonlyMap<SectionId, number>
  readonly lessons: ReadonlyMap<LessonId, LessonPosition>
  /** How many lessons each section holds, by index. */
  readonly lessonCounts: readonly number[]
}

export const outlinePositions = (sections: readonly SectionSnapshot[]): OutlinePositions => {
  const sectionIndexes = new Map<SectionId, number>()
  const lessons = new Map<LessonId, LessonPosition>()
  sections.forEach((section, sectionIndex) => {
    sectionIndexes.set(section.id, sectionIndex)
    section.lessons.forEach((lesson, lessonIndex) =>
      lessons.set(lesson.id, { sectionId: section.id, sectionIndex, lessonIndex }),
    )
  })
  return {
    sectionCount: sections.length,
    sections: sectionIndexes,
    lessons,
    lessonCounts: sections.map((section) => section.lessons.length),
  }
}

/**
 * Whether one step up or down moves the item, in constant time. The same rule as lessonStep and sectionStep: a
 * lesson at a section's edge crosses into the neighbouring section, so only the course's first and last lesson
 * are stuck.
 */
export const canStep = (
  positions: OutlinePositions,
  item: OutlineItem,
  direction: MoveDirection,
): boolean => {
  if (item.kind === 'section') {
    const index = positions.sections.get(item.id)
    if (index === undefined) return false
    return direction === 'up' ? index > 0 : index < positions.sectionCount - 1
  }
  const at = positions.lessons.get(item.id)
  if (!at) return false
  if (direction === 'up') return at.lessonIndex > 0 || at.sectionIndex > 0
  const count = positions.lessonCounts[at.sectionIndex] ?? 0
  return at.lessonIndex < count - 1 || at.sectionIndex < positions.sectionCount - 1
}

/** The section holding `item` (a section holds itself), or null when it is gone. */
export const sectionOf = (positions: OutlinePositions, item: OutlineItem): SectionId | null =>
  item.kind === 'section'
    ? positions.sections.has(item.id)
      ? item.id
      : null
    : (positions.lessons.get(item.id)?.sectionId ?? null)

/** How many sections, from the first, must render for every one of `items` to be on the page. */
export const sectionsHolding = (
  positions: OutlinePositions,
  items: readonly (OutlineItem | null)[],
): number =>
  Math.max(
    0,
    ...items.map((item) => {
      if (item === null) return 0
      const index =
        item.kind === 'section'
          ? positions.sections.get(item.id)
          : positions.lessons.get(item.id)?.sectionIndex
      return index === undefined ? 0 : index + 1
    }),
  )
