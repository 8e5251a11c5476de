import type { LessonId, LessonPlace, SectionId, SectionSnapshot } from '../../../../shared/course/types'

/**
 * Where outline items go when moved by keyboard or dropped, computed from the current snapshot.
 * Indexes follow the model's rule: a position in the destination's order after the moved item is taken out.
 * Each function returns null when the move would change nothing, so callers never write a no-op.
 */

export type MoveDirection = 'up' | 'down'
export type DropEdge = 'before' | 'after'

interface LessonPosition {
  readonly sectionIndex: number
  readonly lessonIndex: number
}

const findLesson = (sections: readonly SectionSnapshot[], lessonId: LessonId): LessonPosition | null => {
  for (const [sectionIndex, section] of sections.entries()) {
    const lessonIndex = section.lessons.findIndex((lesson) => lesson.id === lessonId)
    if (lessonIndex !== -1) return { sectionIndex, lessonIndex }
  }
  return null
}

/** One step up or down; at a section's edge the lesson crosses into the neighbouring section. */
export const lessonStep = (
  sections: readonly SectionSnapshot[],
  lessonId: LessonId,
  direction: MoveDirection,
): LessonPlace | null => {
  const at = findLesson(sections, lessonId)
  if (!at) return null
  const section = sections[at.sectionIndex]
  if (!section) return null
  if (direction === 'up') {
    if (at.lessonIndex > 0) return { sectionId: section.id, index: at.lessonIndex - 1 }
    const previous = sections[at.sectionIndex - 1]
    return previous ? { sectionId: previous.id, index: previous.lessons.length } : null
  }
  if (at.lessonIndex < section.lessons.length - 1) return { sectionId: section.id, index: at.lessonIndex + 1 }
  const next = sections[at.sectionIndex + 1]
  return next ? { sectionId: next.id, index: 0 } : null
}

export const sectionStep = (
  sections: readonly SectionSnapshot[],
  sectionId: SectionId,
  direction: MoveDirection,
): number | null => {
  const index = sections.findIndex((section) => section.id === sectionId)
  if (index === -1) return null
  const target = direction === 'up' ? index - 1 : index + 1
  return target < 0 || target >= sections.length ? null : target
}

/** Where a dragged lesson lands. */
export type LessonDropTarget =
  | { readonly kind: 'lesson'; readonly lessonId: LessonId; readonly edge: DropEdge }
  /** The end of a section: its header, or the empty-section placeholder. */
  | { readonly kind: 'section-end'; readonly sectionId: SectionId }

export const lessonDropPlace = (
  sections: readonly SectionSnapshot[],
  lessonId: LessonId,
  target: LessonDropTarget,
): LessonPlace | null => {
  const from = findLesson(sections, lessonId)
  if (!from) return null
  const destination =
    target.kind === 'lesson'
      ? sections.find((section) => section.lessons.some((lesson) => lesson.id === target.lessonId))
      : sections.find((section) => section.id === target.sectionId)
  if (!destination) return null
  const remaining = destination.lessons.filter((lesson) => lesson.id !== lessonId)
  let index = remaining.length
  if (target.kind === 'lesson') {
    if (target.lessonId === lessonId) return null
    const targetIndex = remaining.findIndex((lesson) => lesson.id === target.lessonId)
    index = target.edge === 'before' ? targetIndex : targetIndex + 1
  }
  const unchanged = sections[from.sectionIndex]?.id === destination.id && from.lessonIndex === index
  return unchanged ? null : { sectionId: destination.id, index }
}

export const sectionDropIndex = (
  sections: readonly SectionSnapshot[],
  sectionId: SectionId,
  targetSectionId: SectionId,
  edge: DropEdge,
): number | null => {
  const from = sections.findIndex((section) => section.id === sectionId)
  if (from === -1 || sectionId === targetSectionId) return null
  const remaining = sections.filter((section) => section.id !== sectionId)
  const targetIndex = remaining.findIndex((section) => section.id === targetSectionId)
  if (targetIndex === -1) return null
  const index = edge === 'before' ? targetIndex : targetIndex + 1
  return index === from ? null : index
}
