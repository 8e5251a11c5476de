import type { SectionSnapshot } from '../../../../shared/course/types'
import { displayTitle, isItem, type OutlineItem } from './outline-item'
import { OutlineLesson } from './OutlineLesson'
import { OutlineRowLabel } from './OutlineRowLabel'
import { RowActions } from './RowActions'
import type { OutlineController } from './use-outline-controller'

interface OutlineSectionProps {
  readonly section: SectionSnapshot
  readonly outline: OutlineController
}

export function OutlineSection({ section, outline }: OutlineSectionProps) {
  const item: OutlineItem = { kind: 'section', id: section.id }
  const title = displayTitle(section.title, 'section')
  const expanded = !outline.collapsed.has(section.id)

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
        <OutlineRowLabel
          item={item}
          storedTitle={section.title}
          outline={outline}
          className="outline-label outline-section-label"
          onClick={() => outline.toggleSection(section.id)}
          state={{ 'aria-expanded': expanded }}
        >
          <span className="outline-chevron" aria-hidden="true" />
          {title}
          <span className="outline-count" aria-hidden="true">
            {lessonCount}
          </span>
        </OutlineRowLabel>
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
