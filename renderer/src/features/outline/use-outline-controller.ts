import { useMemo, useState } from 'react'
import type { Doc } from 'yjs'
import {
  addLesson as addLessonCommand,
  addSection as addSectionCommand,
  deleteLesson,
  deleteSection,
  moveLesson,
  moveSection,
  renameLesson,
  renameSection,
} from '../../../../shared/course/commands'
import type { LessonId, LessonPlace, SectionId, SectionSnapshot } from '../../../../shared/course/types'
import { displayTitle, itemTitle, type OutlineItem } from './outline-item'
import { lessonStep, sectionStep, type MoveDirection } from './outline-moves'
import { outlinePositions, type OutlinePositions } from './outline-positions'
import { useLatest } from './use-latest'
import { useOutlineDrag, type DragInput, type OutlineDrag, type OutlineDragState } from './use-outline-drag'

export interface PendingDelete {
  readonly item: OutlineItem
  readonly title: string
  readonly lessonCount: number
}

/** What the outline shows now. Rows get only the parts about themselves, so most rows skip most renders. */
export interface OutlineState {
  readonly sections: readonly SectionSnapshot[]
  readonly positions: OutlinePositions
  readonly readOnly: boolean
  readonly selectedLessonId: LessonId | null
  readonly editing: OutlineItem | null
  readonly collapsed: ReadonlySet<SectionId>
  /** The row that should take focus once it renders (after a move, a rename or a delete). */
  readonly focusRequest: OutlineItem | null
  readonly announcement: string
  readonly pendingDelete: PendingDelete | null
  readonly drag: OutlineDragState
}

/** Everything the outline does. One object for the outline's life: it reads the latest state when called. */
export interface OutlineActions {
  readonly drag: OutlineDrag
  selectLesson(id: LessonId): void
  toggleSection(id: SectionId): void
  startRename(item: OutlineItem): void
  /** `refocus` puts focus back on the row (after Enter/Escape, not after a click elsewhere). */
  finishRename(item: OutlineItem, title: string | null, refocus: boolean): void
  addSection(): void
  addLesson(sectionId: SectionId): void
  move(item: OutlineItem, direction: MoveDirection): void
  requestDelete(item: OutlineItem): void
  confirmDelete(): void
  cancelDelete(): void
  focusDone(): void
}

interface OutlineOptions {
  readonly doc: Doc
  readonly sections: readonly SectionSnapshot[]
  readonly readOnly: boolean
  readonly selectedLessonId: LessonId | null
  readonly onSelectLesson: (id: LessonId | null) => void
}

/** Everything the outline does, in one place; the components only render it. */
export const useOutlineController = (
  options: OutlineOptions,
): { readonly state: OutlineState; readonly actions: OutlineActions } => {
  const { sections, readOnly, selectedLessonId } = options
  const [editing, setEditing] = useState<OutlineItem | null>(null)
  const [collapsed, setCollapsed] = useState<ReadonlySet<SectionId>>(new Set())
  const [focusRequest, setFocusRequest] = useState<OutlineItem | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null)
  const positions = useMemo(() => outlinePositions(sections), [sections])

  const latest = useLatest({ ...options, pendingDelete })
  const dragInput = useLatest<DragInput>({
    sections,
    enabled: !readOnly,
    moveLesson: (id, place) => placeLesson(id, place),
    moveSection: (id, index) => placeSection(id, index),
  })
  const { state: dragState, drag } = useOutlineDrag(dragInput)

  // These read the outline through `latest`, as it is when an event arrives, so the actions can stay one object.
  function placeLesson(id: LessonId, place: LessonPlace) {
    const { doc, sections: now, readOnly: locked } = latest.current
    if (locked) return
    const title = titleOf(now, { kind: 'lesson', id })
    moveLesson(doc, id, place)
    expand(place.sectionId)
    setFocusRequest({ kind: 'lesson', id })
    setAnnouncement(
      `Moved “${title}” to “${sectionTitle(now, place.sectionId)}”, position ${place.index + 1}.`,
    )
  }

  function placeSection(id: SectionId, index: number) {
    const { doc, sections: now, readOnly: locked } = latest.current
    if (locked) return
    moveSection(doc, id, index)
    setFocusRequest({ kind: 'section', id })
    setAnnouncement(`Moved section “${sectionTitle(now, id)}” to position ${index + 1} of ${now.length}.`)
  }

  function expand(id: SectionId) {
    setCollapsed((current) => {
      if (!current.has(id)) return current
      const next = new Set(current)
      next.delete(id)
      return next
    })
  }

  const actions = useMemo((): OutlineActions => {
    const deleteNow = (item: OutlineItem) => {
      const { doc, sections: now, selectedLessonId: selected, onSelectLesson } = latest.current
      const title = titleOf(now, item)
      if (item.kind === 'lesson') {
        const section = now.find((entry) => entry.lessons.some((lesson) => lesson.id === item.id))
        deleteLesson(doc, item.id)
        if (item.id === selected) onSelectLesson(null)
        if (section) setFocusRequest({ kind: 'section', id: section.id })
      } else {
        const index = now.findIndex((section) => section.id === item.id)
        const holdsSelected = now[index]?.lessons.some((lesson) => lesson.id === selected) ?? false
        deleteSection(doc, item.id)
        if (holdsSelected) onSelectLesson(null)
        const neighbour = now[index - 1] ?? now[index + 1]
        if (neighbour) setFocusRequest({ kind: 'section', id: neighbour.id })
      }
      setAnnouncement(`Deleted “${title}”.`)
    }

    return {
      drag,
      selectLesson: (id) => latest.current.onSelectLesson(id),
      toggleSection: (id) =>
        setCollapsed((current) => {
          const next = new Set(current)
          if (!next.delete(id)) next.add(id)
          return next
        }),
      startRename: (item) => {
        if (!latest.current.readOnly) setEditing(item)
      },
      finishRename: (item, title, refocus) => {
        const { doc, readOnly: locked } = latest.current
        setEditing(null)
        if (refocus) setFocusRequest(item)
        if (title === null || locked) return
        if (item.kind === 'lesson') renameLesson(doc, item.id, title)
        else renameSection(doc, item.id, title)
      },
      addSection: () => {
        const { doc, readOnly: locked } = latest.current
        if (locked) return
        const id = addSectionCommand(doc, { title: 'Untitled section' })
        setEditing({ kind: 'section', id })
      },
      addLesson: (sectionId) => {
        const { doc, readOnly: locked, onSelectLesson } = latest.current
        if (locked) return
        const id = addLessonCommand(doc, { sectionId, title: 'Untitled lesson' })
        expand(sectionId)
        setEditing({ kind: 'lesson', id })
        onSelectLesson(id)
      },
      move: (item, direction) => {
        const now = latest.current.sections
        if (item.kind === 'lesson') {
          const place = lessonStep(now, item.id, direction)
          if (place) placeLesson(item.id, place)
        } else {
          const index = sectionStep(now, item.id, direction)
          if (index !== null) placeSection(item.id, index)
        }
      },
      requestDelete: (item) => {
        const { sections: now, readOnly: locked } = latest.current
        if (locked) return
        const lessonCount =
          item.kind === 'section' ? (now.find((section) => section.id === item.id)?.lessons.length ?? 0) : 0
        setPendingDelete({ item, title: titleOf(now, item), lessonCount })
      },
      confirmDelete: () => {
        const pending = latest.current.pendingDelete
        if (pending) deleteNow(pending.item)
        setPendingDelete(null)
      },
      cancelDelete: () => {
        const pending = latest.current.pendingDelete
        if (pending) setFocusRequest(pending.item)
        setPendingDelete(null)
      },
      focusDone: () => setFocusRequest(null),
    }
    // placeLesson, placeSection and expand only read `latest` and call state setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest, drag])

  return {
    state: {
      sections,
      positions,
      readOnly,
      selectedLessonId,
      editing,
      collapsed,
      focusRequest,
      announcement,
      pendingDelete,
      drag: dragState,
    },
    actions,
  }
}

const sectionTitle = (sections: readonly SectionSnapshot[], id: SectionId): string =>
  displayTitle(sections.find((section) => section.id === id)?.title ?? '', 'section')

const titleOf = (sections: readonly SectionSnapshot[], item: OutlineItem): string =>
  displayTitle(itemTitle(sections, item) ?? '', item.kind)
