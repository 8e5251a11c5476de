import type { LessonSummary } from '../../../../shared/course/types'
import { OpenThreadCount } from '../../review/OpenThreadCount'
import { LessonPresence } from './LessonPresence'
import { displayTitle, isItem, type OutlineItem } from './outline-item'
import { OutlineRowLabel } from './OutlineRowLabel'
import { RowActions } from './RowActions'
import type { OutlineController } from './use-outline-controller'

interface OutlineLessonProps {
  readonly lesson: LessonSummary
  readonly outline: OutlineController
}

export function OutlineLesson({ lesson, outline }: OutlineLessonProps) {
  const item: OutlineItem = { kind: 'lesson', id: lesson.id }
  const title = displayTitle(lesson.title, 'lesson')
  const selected = outline.selectedLessonId === lesson.id

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
      <OutlineRowLabel
        item={item}
        storedTitle={lesson.title}
        outline={outline}
        className="outline-label"
        onClick={() => outline.selectLesson(lesson.id)}
        state={{ 'aria-current': selected ? 'page' : undefined }}
      >
        {title}
      </OutlineRowLabel>
      <LessonPresence lessonId={lesson.id} />
      <OpenThreadCount lessonId={lesson.id} />
      <RowActions item={item} title={title} outline={outline} />
    </li>
  )
}
