import { useRef } from 'react'
import type { SectionSnapshot } from '../../../../shared/course/types'
import { InlineRename } from '../../ui/InlineRename'
import { handleRowKeys, ROW_SHORTCUTS } from './outline-keys'
import { displayTitle, isItem, type OutlineItem } from './outline-item'
import { OutlineLesson } from './OutlineLesson'
import { RowActions } from './RowActions'
import { useFocusRequest } from './use-focus-request'
import type { OutlineController } from './use-outline-controller'

interface OutlineSectionProps {
  readonly section: SectionSnapshot
  readonly outline: OutlineController
}

export function OutlineSection({ section, outline }: OutlineSectionProps) {
  const item: OutlineItem = { kind: 'section', id: section.id }
  const title = displayTitle(section.title, 'section')
  const expanded = !outline.collapsed.has(section.id)
  const toggleRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(toggleRef, isItem(outline.focusRequest, 'section', section.id), outline.focusDone)

  // Not draggable while renaming, so dragging the pointer in the text field selects text.
  const renaming = isItem(outline.editing, 'section', section.id)
  const hint = outline.drag.hint
  const drop = hint?.kind === 'section' && hint.id === section.id ? hint.edge : undefined
  const lessonCount = section.lessons.length

  return (
    <li
      className="outline-section"
      data-drop={drop}
      data-dragging={isItem(outline.drag.dragging, 'section', section.id) || undefined}
      {...outline.drag.sectionTarget(section.id)}
    >
      <div
        className="outline-row outline-section-header"
        {...outline.drag.source(item, !renaming)}
        {...outline.drag.sectionEndTarget(section.id)}
      >
        {renaming ? (
          <InlineRename
            label="Rename section"
            initialValue={section.title}
            onDone={(next, byKey) => outline.finishRename(item, next, byKey)}
          />
        ) : (
          <button
            ref={toggleRef}
            type="button"
            className="outline-label outline-section-label"
            aria-expanded={expanded}
            aria-keyshortcuts={outline.readOnly ? undefined : ROW_SHORTCUTS}
            onClick={() => outline.toggleSection(section.id)}
            onDoubleClick={() => outline.startRename(item)}
            onKeyDown={(event) => handleRowKeys(event, item, outline)}
          >
            <span className="outline-chevron" aria-hidden="true" />
            {title}
            <span className="outline-count" aria-hidden="true">
              {lessonCount}
            </span>
          </button>
        )}
        <RowActions item={item} title={title} outline={outline} />
      </div>
      {expanded && (
        <>
          {lessonCount > 0 ? (
            <ol className="outline-lessons" aria-label={`Lessons in “${title}”`}>
              {section.lessons.map((lesson) => (
                <OutlineLesson key={lesson.id} lesson={lesson} outline={outline} />
              ))}
            </ol>
          ) : (
            <p
              className="outline-empty"
              data-drop={drop === 'into' ? 'into' : undefined}
              {...outline.drag.sectionEndTarget(section.id)}
            >
              No lessons yet
            </p>
          )}
          <button
            type="button"
            className="button button-quiet outline-add-lesson"
            aria-label={`Add lesson to “${title}”`}
            disabled={outline.readOnly}
            onClick={() => outline.addLesson(section.id)}
          >
            + Add lesson
          </button>
        </>
      )}
    </li>
  )
}
