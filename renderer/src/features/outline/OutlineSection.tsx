import { memo } from 'react'
import type { LessonId, SectionSnapshot } from '../../../../shared/course/types'
import type { Peer } from '../../sync/presence'
import { displayTitle, type OutlineItem } from './outline-item'
import { OutlineLesson } from './OutlineLesson'
import { canStep, type OutlinePositions } from './outline-positions'
import { OutlineRowLabel } from './OutlineRowLabel'
import { RowActions } from './RowActions'
import type { OutlineActions } from './use-outline-controller'
import type { DropHint } from './use-outline-drag'
import { NO_PEERS } from './use-peers-by-lesson'

interface OutlineSectionProps {
  readonly section: SectionSnapshot
  readonly positions: OutlinePositions
  readonly expanded: boolean
  readonly readOnly: boolean
  /** Whether the rows' buttons are built yet: the first paint leaves them out. */
  readonly rowActions: boolean
  readonly renaming: boolean
  readonly focusRequested: boolean
  /** Where a dragged section or lesson would land on this section. */
  readonly drop: DropHint['edge'] | undefined
  readonly dragging: boolean
  /** Each field is compared on its own: a section re-renders only when something about it changed. */
  readonly selectedLesson: LessonId | null
  readonly renamingLesson: LessonId | null
  readonly focusLesson: LessonId | null
  readonly draggingLesson: LessonId | null
  readonly lessonDrop: DropHint | null
  /** Who has which lesson open; the map changes only when someone's presence does. */
  readonly peersByLesson: ReadonlyMap<LessonId, readonly Peer[]>
  /** Open comment threads by lesson; the map changes only when a thread does. */
  readonly openThreads: ReadonlyMap<LessonId, number>
  readonly actions: OutlineActions
}

export const OutlineSection = memo(function OutlineSection({
  section,
  positions,
  expanded,
  readOnly,
  rowActions,
  renaming,
  focusRequested,
  drop,
  dragging,
  selectedLesson,
  renamingLesson,
  focusLesson,
  draggingLesson,
  lessonDrop,
  peersByLesson,
  openThreads,
  actions,
}: OutlineSectionProps) {
  const item: OutlineItem = { kind: 'section', id: section.id }
  const title = displayTitle(section.title, 'section')
  const lessonCount = section.lessons.length

  return (
    <li
      className="outline-section"
      data-drop={drop}
      data-dragging={dragging || undefined}
      {...actions.drag.sectionTarget(section.id)}
    >
      <div
        className="outline-row outline-section-header"
        // Not draggable while renaming, so dragging the pointer in the text field selects text.
        {...actions.drag.source(item, !readOnly && !renaming)}
        {...actions.drag.sectionEndTarget(section.id)}
      >
        <OutlineRowLabel
          item={item}
          storedTitle={section.title}
          tooltip={title}
          renaming={renaming}
          focusRequested={focusRequested}
          readOnly={readOnly}
          actions={actions}
          className="outline-label outline-section-label"
          onClick={() => actions.toggleSection(section.id)}
          state={{ 'aria-expanded': expanded }}
        >
          <span className="outline-chevron" aria-hidden="true" />
          <span className="outline-title">{title}</span>
          <span className="outline-count" aria-hidden="true">
            {lessonCount}
          </span>
        </OutlineRowLabel>
        {rowActions && (
          <RowActions
            item={item}
            title={title}
            readOnly={readOnly}
            canMoveUp={canStep(positions, item, 'up')}
            canMoveDown={canStep(positions, item, 'down')}
            actions={actions}
          />
        )}
      </div>
      {expanded && (
        <>
          {lessonCount > 0 ? (
            <ol className="outline-lessons" aria-label={`Lessons in “${title}”`}>
              {section.lessons.map((lesson) => {
                const lessonItem: OutlineItem = { kind: 'lesson', id: lesson.id }
                return (
                  <OutlineLesson
                    key={lesson.id}
                    lessonId={lesson.id}
                    storedTitle={lesson.title}
                    selected={selectedLesson === lesson.id}
                    renaming={renamingLesson === lesson.id}
                    focusRequested={focusLesson === lesson.id}
                    drop={lessonDrop?.id === lesson.id ? lessonDrop.edge : undefined}
                    dragging={draggingLesson === lesson.id}
                    canMoveUp={canStep(positions, lessonItem, 'up')}
                    canMoveDown={canStep(positions, lessonItem, 'down')}
                    readOnly={readOnly}
                    rowActions={rowActions}
                    peers={peersByLesson.get(lesson.id) ?? NO_PEERS}
                    openThreads={openThreads.get(lesson.id) ?? 0}
                    actions={actions}
                  />
                )
              })}
            </ol>
          ) : (
            <p
              className="outline-empty"
              data-drop={drop === 'into' ? 'into' : undefined}
              {...actions.drag.sectionEndTarget(section.id)}
            >
              No lessons yet
            </p>
          )}
          <button
            type="button"
            className="button button-quiet outline-add-lesson"
            aria-label={`Add lesson to “${title}”`}
            disabled={readOnly}
            onClick={() => actions.addLesson(section.id)}
          >
            + Add lesson
          </button>
        </>
      )}
    </li>
  )
})
