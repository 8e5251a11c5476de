import type { LessonId } from '../../../../shared/course/types'
import { filterThreads, type ThreadFilter } from '../../../../shared/review/filters'
import type { Person, ThreadSnapshot } from '../../../../shared/review/types'

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

/** The threads the side panel lists, oldest first; open ones before resolved ones. */
export const panelThreads = (threads: readonly ThreadSnapshot[], view: PanelView): ThreadSnapshot[] =>
  view.scope === 'lesson' && view.lessonId === null
    ? []
    : filterThreads(threads, filterOf(view)).sort((a, b) => Number(a.resolved) - Number(b.resolved))
