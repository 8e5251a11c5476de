import type { LessonId, SectionId, SectionSnapshot } from '../../../../shared/course/types'

/** A row in the outline: a section or a lesson. */
export type OutlineItem =
  { readonly kind: 'section'; readonly id: SectionId } | { readonly kind: 'lesson'; readonly id: LessonId }

export const isItem = (item: OutlineItem | null, kind: OutlineItem['kind'], id: string): boolean =>
  item !== null && item.kind === kind && item.id === id

/** The item's title as shown now, or null once it is gone (deleted here or by a peer). */
export const itemTitle = (sections: readonly SectionSnapshot[], item: OutlineItem): string | null => {
  if (item.kind === 'section') return sections.find((section) => section.id === item.id)?.title ?? null
  for (const section of sections) {
    const lesson = section.lessons.find((entry) => entry.id === item.id)
    if (lesson) return lesson.title
  }
  return null
}

/** The name a title gets in labels and messages; an empty title still needs words. */
export const displayTitle = (title: string, kind: OutlineItem['kind']): string =>
  title.trim() !== '' ? title : kind === 'section' ? 'Untitled section' : 'Untitled lesson'
