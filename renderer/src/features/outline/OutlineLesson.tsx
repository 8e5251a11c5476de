import { useRef } from 'react'
import type { LessonSummary } from '../../../../shared/course/types'
import { OpenThreadCount } from '../../review/OpenThreadCount'
import { InlineRename } from '../../ui/InlineRename'
import { LessonPresence } from './LessonPresence'
import { handleRowKeys, ROW_SHORTCUTS } from './outline-keys'
import { displayTitle, isItem, type OutlineItem } from './outline-item'
import { RowActions } from './RowActions'
import { useFocusRequest } from './use-focus-request'
import type { OutlineController } from './use-outline-controller'

interface OutlineLessonProps {
  readonly lesson: LessonSummary
  readonly outline: OutlineController
}

export function OutlineLesson({ lesson, outline }: OutlineLessonProps) {
  const item: OutlineItem = { kind: 'lesson', id: lesson.id }
  const title = displayTitle(lesson.title, 'lesson')
  const selected = outline.selectedLessonId === lesson.id
  const buttonRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(buttonRef, isItem(outline.focusRequest, 'lesson', lesson.id), outline.focusDone)

  // Not draggable while renaming, so dragging the pointer in the text field selects text.
  const renaming = isItem(outline.editing, 'lesson', lesson.id)
  const hint = outline.drag.hint
  const drop = hint?.kind === 'lesson' && hint.id === lesson.id ? hint.edge : undefined
  const dragging = isItem(outline.drag.dragging, 'lesson', lesson.id)

  return (
    <li
      className="outline-row outline-lesson"
      data-drop={drop}
      data-dragging={dragging || undefined}
      data-selected={selected || undefined}
      {...outline.drag.source(item, !renaming)}
      {...outline.drag.lessonTarget(lesson.id)}
    >
      {renaming ? (
        <InlineRename
          label="Rename lesson"
          initialValue={lesson.title}
          onDone={(next, byKey) => outline.finishRename(item, next, byKey)}
        />
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className="outline-label"
          aria-current={selected ? 'page' : undefined}
          aria-keyshortcuts={outline.readOnly ? undefined : ROW_SHORTCUTS}
          onClick={() => outline.selectLesson(lesson.id)}
          onDoubleClick={() => outline.startRename(item)}
          onKeyDown={(event) => handleRowKeys(event, item, outline)}
        >
          {title}
        </button>
      )}
      <LessonPresence lessonId={lesson.id} />
      <OpenThreadCount lessonId={lesson.id} />
      <RowActions item={item} title={title} outline={outline} />
    </li>
  )
}
