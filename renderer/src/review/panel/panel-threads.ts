import type { LessonId } from '../../../../shared/course/types'
import { filterThreads, type ThreadFilter } from '../../../../shared/review/filters'
import type { Person, ThreadId, ThreadSnapshot } from '../../../../shared/review/types'

export type PanelScope = 'lesson' | 'course'
export type PanelFilter = 'open' | 'resolved' | 'mine' | 'for-me' | 'all'

export const PANEL_FILTERS: readonly { readonly value: PanelFilter; readonly label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'mine', label: 'Mine' },
  { value: 'for-me', label: 'For me' },
  { value: 'all', label: 'All' },
]

export interface PanelView {
  readonly scope: PanelScope
  readonly filter: PanelFilter
  /** The open lesson; with none open, the lesson scope lists nothing. */
  readonly lessonId: LessonId | null
  readonly me: Person
}

const filterOf = (view: PanelView): ThreadFilter => {
  const lesson = view.scope === 'lesson' && view.lessonId !== null ? { lessonId: view.lessonId } : {}
  switch (view.filter) {
    case 'open':
    case 'resolved':
    case 'all':
      return { status: view.filter, ...lesson }
    // Threads someone is part of or named in stay listed after they are resolved: that is part of their story.
    case 'mine':
      return { status: 'all', mine: view.me.id, ...lesson }
    case 'for-me':
      return { status: 'all', forMe: view.me, ...lesson }
  }
}

/**
 * The threads the side panel lists, oldest first; open ones before resolved ones. The thread an address names
 * (`linked`, as For me opens one) is listed too when the filter would hide it (resolved since, say), as long as
 * it is in the panel's scope: the user asked to see it, and the filter stays as they set it.
 */
export const panelThreads = (
  threads: readonly ThreadSnapshot[],
  view: PanelView,
  linked: ThreadId | null = null,
): ThreadSnapshot[] => {
  if (view.scope === 'lesson' && view.lessonId === null) return []
  const filter = filterOf(view)
  const shown = new Set(filterThreads(threads, filter).map((thread) => thread.id))
  const inScope = (thread: ThreadSnapshot): boolean =>
    filter.lessonId === undefined || thread.lessonId === filter.lessonId
  return threads
    .filter((thread) => shown.has(thread.id) || (thread.id === linked && inScope(thread)))
    .sort((a, b) => Number(a.resolved) - Number(b.resolved))
}
