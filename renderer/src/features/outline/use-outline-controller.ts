import { useCallback, useState } from 'react'
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
import { useOutlineDrag, type OutlineDrag } from './use-outline-drag'

export interface PendingDelete {
  readonly item: OutlineItem
  readonly title: string
  readonly lessonCount: number
}

export interface OutlineController {
  readonly sections: readonly SectionSnapshot[]
  readonly readOnly: boolean
  readonly selectedLessonId: LessonId | null
  readonly editing: OutlineItem | null
  readonly collapsed: ReadonlySet<SectionId>
  /** The row that should take focus once it renders (after a move, a rename or a delete). */
  readonly focusRequest: OutlineItem | null
  readonly announcement: string
  readonly pendingDelete: PendingDelete | null
  readonly drag: OutlineDrag
  selectLesson(id: LessonId): void
  toggleSection(id: SectionId): void
  startRename(item: OutlineItem): void
  /** `refocus` puts focus back on the row (after Enter/Escape, not after a click elsewhere). */
  finishRename(item: OutlineItem, title: string | null, refocus: boolean): void
  addSection(): void
  addLesson(sectionId: SectionId): void
  canMove(item: OutlineItem, direction: MoveDirection): boolean
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
export const useOutlineController = ({
  doc,
  sections,
  readOnly,
  selectedLessonId,
  onSelectLesson,
}: OutlineOptions): OutlineController => {
  const [editing, setEditing] = useState<OutlineItem | null>(null)
  const [collapsed, setCollapsed] = useState<ReadonlySet<SectionId>>(new Set())
  const [focusRequest, setFocusRequest] = useState<OutlineItem | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null)
  const focusDone = useCallback(() => setFocusRequest(null), [])

  const expand = (id: SectionId) =>
    setCollapsed((current) => {
      if (!current.has(id)) return current
      const next = new Set(current)
      next.delete(id)
      return next
    })

  const sectionTitle = (id: SectionId) =>
    displayTitle(sections.find((section) => section.id === id)?.title ?? '', 'section')
  const titleOf = (item: OutlineItem) => displayTitle(itemTitle(sections, item) ?? '', item.kind)

  const placeLesson = (id: LessonId, place: LessonPlace) => {
    if (readOnly) return
    const title = titleOf({ kind: 'lesson', id })
    moveLesson(doc, id, place)
    expand(place.sectionId)
    setFocusRequest({ kind: 'lesson', id })
    setAnnouncement(`Moved “${title}” to “${sectionTitle(place.sectionId)}”, position ${place.index + 1}.`)
  }

  const placeSection = (id: SectionId, index: number) => {
    if (readOnly) return
    moveSection(doc, id, index)
    setFocusRequest({ kind: 'section', id })
    setAnnouncement(`Moved section “${sectionTitle(id)}” to position ${index + 1} of ${sections.length}.`)
  }

  const drag = useOutlineDrag(sections, !readOnly, placeLesson, placeSection)

  const deleteNow = (item: OutlineItem) => {
    const title = titleOf(item)
    if (item.kind === 'lesson') {
      const section = sections.find((entry) => entry.lessons.some((lesson) => lesson.id === item.id))
      deleteLesson(doc, item.id)
      if (item.id === selectedLessonId) onSelectLesson(null)
      if (section) setFocusRequest({ kind: 'section', id: section.id })
    } else {
      const index = sections.findIndex((section) => section.id === item.id)
      const holdsSelected = sections[index]?.lessons.some((lesson) => lesson.id === selectedLessonId) ?? false
      deleteSection(doc, item.id)
      if (holdsSelected) onSelectLesson(null)
      const neighbour = sections[index - 1] ?? sections[index + 1]
      if (neighbour) setFocusRequest({ kind: 'section', id: neighbour.id })
    }
    setAnnouncement(`Deleted “${title}”.`)
  }

  return {
    sections,
    readOnly,
    selectedLessonId,
    editing,
    collapsed,
    focusRequest,
    announcement,
    pendingDelete,
    drag,
    selectLesson: (id) => onSelectLesson(id),
    toggleSection: (id) =>
      setCollapsed((current) => {
        const next = new Set(current)
        if (!next.delete(id)) next.add(id)
        return next
      }),
    startRename: (item) => {
      if (!readOnly) setEditing(item)
    },
    finishRename: (item, title, refocus) => {
      setEditing(null)
      if (refocus) setFocusRequest(item)
      if (title === null || readOnly) return
      if (item.kind === 'lesson') renameLesson(doc, item.id, title)
      else renameSection(doc, item.id, title)
    },
    addSection: () => {
      if (readOnly) return
      const id = addSectionCommand(doc, { title: 'Untitled section' })
      setEditing({ kind: 'section', id })
    },
    addLesson: (sectionId) => {
      if (readOnly) return
      const id = addLessonCommand(doc, { sectionId, title: 'Untitled lesson' })
      expand(sectionId)
      setEditing({ kind: 'lesson', id })
      onSelectLesson(id)
    },
    canMove: (item, direction) =>
      !readOnly &&
      (item.kind === 'lesson'
        ? lessonStep(sections, item.id, direction) !== null
        : sectionStep(sections, item.id, direction) !== null),
    move: (item, direction) => {
      if (item.kind === 'lesson') {
        const place = lessonStep(sections, item.id, direction)
        if (place) placeLesson(item.id, place)
      } else {
        const index = sectionStep(sections, item.id, direction)
        if (index !== null) placeSection(item.id, index)
      }
    },
    requestDelete: (item) => {
      if (readOnly) return
      const lessonCount =
        item.kind === 'section'
          ? (sections.find((section) => section.id === item.id)?.lessons.length ?? 0)
          : 0
      setPendingDelete({ item, title: titleOf(item), lessonCount })
    },
    confirmDelete: () => {
      if (pendingDelete) deleteNow(pendingDelete.item)
      setPendingDelete(null)
    },
    cancelDelete: () => {
      if (pendingDelete) setFocusRequest(pendingDelete.item)
      setPendingDelete(null)
    },
    focusDone,
  }
}
