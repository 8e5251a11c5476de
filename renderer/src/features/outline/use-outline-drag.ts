import { useMemo, useRef, useState, type DragEvent } from 'react'
import type { LessonId, LessonPlace, SectionId, SectionSnapshot } from '../../../../shared/course/types'
import { lessonDropPlace, sectionDropIndex, type DropEdge, type LessonDropTarget } from './outline-moves'
import type { OutlineItem } from './outline-item'

/** Where the drop line shows: before/after a row, or "into" a section (its end). */
export interface DropHint {
  readonly kind: 'lesson' | 'section'
  readonly id: string
  readonly edge: DropEdge | 'into'
}

type Handlers = {
  readonly onDragOver: (event: DragEvent<HTMLElement>) => void
  readonly onDrop: (event: DragEvent<HTMLElement>) => void
}

export interface OutlineDragState {
  readonly dragging: OutlineItem | null
  readonly hint: DropHint | null
}

/** The drag handlers; they keep their identity for the outline's life. */
export interface OutlineDrag {
  /** Makes a row draggable, unless `canDrag` is false (read-only, or while it is being renamed). */
  source(
    item: OutlineItem,
    canDrag?: boolean,
  ): {
    readonly draggable: boolean
    readonly onDragStart: (event: DragEvent<HTMLElement>) => void
    readonly onDragEnd: () => void
  }
  /** A lesson row: lessons drop before or after it. */
  lessonTarget(lessonId: LessonId): Handlers
  /** A section's header or its empty placeholder: lessons drop at the section's end. */
  sectionEndTarget(sectionId: SectionId): Handlers
  /** A whole section: sections drop before or after it. */
  sectionTarget(sectionId: SectionId): Handlers
  /** Clears the drop line when the pointer leaves the outline. */
  onLeave(event: DragEvent<HTMLElement>): void
}

/** Our own type, so a dragged row dropped into the editor or another app inserts nothing. */
const DRAG_TYPE = 'application/x-chorus-outline-item'

const edgeOf = (event: DragEvent<HTMLElement>): DropEdge => {
  const rect = event.currentTarget.getBoundingClientRect()
  return event.clientY < rect.top + rect.height / 2 ? 'before' : 'after'
}

const sameHint = (a: DropHint | null, b: DropHint): boolean =>
  a !== null && a.kind === b.kind && a.id === b.id && a.edge === b.edge

export interface DragInput {
  readonly sections: readonly SectionSnapshot[]
  readonly enabled: boolean
  readonly moveLesson: (id: LessonId, place: LessonPlace) => void
  readonly moveSection: (id: SectionId, index: number) => void
}

/**
 * HTML5 drag and drop for the outline: lessons within and across sections, sections among themselves.
 * Drops turn into the same moves as the keyboard, computed by outline-moves. `input` holds the latest
 * outline and callbacks; the handlers read it when an event arrives.
 */
export const useOutlineDrag = (input: {
  readonly current: DragInput
}): { readonly state: OutlineDragState; readonly drag: OutlineDrag } => {
  const [dragging, setDragging] = useState<OutlineItem | null>(null)
  const [hint, setHint] = useState<DropHint | null>(null)
  // Drag events can arrive before React re-renders with the new state; the ref is always current.
  const draggingRef = useRef<OutlineItem | null>(null)

  const drag = useMemo((): OutlineDrag => {
    const reset = () => {
      draggingRef.current = null
      setDragging(null)
      setHint(null)
    }

    const accept = (event: DragEvent<HTMLElement>, next: DropHint) => {
      event.preventDefault()
      event.stopPropagation()
      event.dataTransfer.dropEffect = 'move'
      setHint((current) => (sameHint(current, next) ? current : next))
    }

    const dropLesson = (event: DragEvent<HTMLElement>, target: LessonDropTarget) => {
      const item = draggingRef.current
      if (item?.kind !== 'lesson') return
      event.preventDefault()
      event.stopPropagation()
      const place = lessonDropPlace(input.current.sections, item.id, target)
      reset()
      if (place) input.current.moveLesson(item.id, place)
    }

    return {
      source: (item, canDrag = true) => ({
        draggable: canDrag,
        onDragStart: (event) => {
          if (!input.current.enabled) return
          event.stopPropagation()
          event.dataTransfer.effectAllowed = 'move'
          event.dataTransfer.setData(DRAG_TYPE, item.id)
          draggingRef.current = item
          setDragging(item)
        },
        onDragEnd: reset,
      }),
      lessonTarget: (lessonId) => ({
        onDragOver: (event) => {
          if (draggingRef.current?.kind !== 'lesson') return
          accept(event, { kind: 'lesson', id: lessonId, edge: edgeOf(event) })
        },
        onDrop: (event) => dropLesson(event, { kind: 'lesson', lessonId, edge: edgeOf(event) }),
      }),
      sectionEndTarget: (sectionId) => ({
        onDragOver: (event) => {
          if (draggingRef.current?.kind !== 'lesson') return
          accept(event, { kind: 'section', id: sectionId, edge: 'into' })
        },
        onDrop: (event) => dropLesson(event, { kind: 'section-end', sectionId }),
      }),
      sectionTarget: (sectionId) => ({
        onDragOver: (event) => {
          if (draggingRef.current?.kind !== 'section') return
          accept(event, { kind: 'section', id: sectionId, edge: edgeOf(event) })
        },
        onDrop: (event) => {
          const item = draggingRef.current
          if (item?.kind !== 'section') return
          event.preventDefault()
          event.stopPropagation()
          const index = sectionDropIndex(input.current.sections, item.id, sectionId, edgeOf(event))
          reset()
          if (index !== null) input.current.moveSection(item.id, index)
        },
      }),
      onLeave: (event) => {
        const to = event.relatedTarget
        if (!(to instanceof Node) || !event.currentTarget.contains(to)) setHint(null)
      },
    }
  }, [input])

  return { state: { dragging, hint }, drag }
}
