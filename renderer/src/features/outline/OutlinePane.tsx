import type { Doc } from 'yjs'
import type { LessonId, SectionId, SectionSnapshot } from '../../../../shared/course/types'
import { useOpenThreadCounts } from '../../review/use-open-thread-counts'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { useIdle } from '../../ui/use-idle'
import type { OutlineItem } from './outline-item'
import { sectionOf, sectionsHolding, type OutlinePositions } from './outline-positions'
import { OutlineSection } from './OutlineSection'
import { useOutlineController, type PendingDelete } from './use-outline-controller'
import { usePeersByLesson } from './use-peers-by-lesson'
import { useProgressiveSections } from './use-progressive-sections'

interface OutlinePaneProps {
  readonly doc: Doc
  readonly sections: readonly SectionSnapshot[]
  readonly readOnly: boolean
  readonly selectedLessonId: LessonId | null
  readonly onSelectLesson: (id: LessonId | null) => void
}

const deleteMessage = ({ item, lessonCount }: PendingDelete): string => {
  if (item.kind === 'lesson') return 'The lesson and everything written in it are deleted.'
  if (lessonCount === 0) return 'The section is deleted.'
  return `The section and its ${lessonCount === 1 ? 'lesson' : `${lessonCount} lessons`} are deleted, with everything written in them.`
}

/** The id of a lesson `item` names if it sits in section `id`, else null: what that section's rows need to know. */
const lessonIn = (positions: OutlinePositions, id: SectionId, item: OutlineItem | null): LessonId | null =>
  item?.kind === 'lesson' && positions.lessons.get(item.id)?.sectionId === id ? item.id : null

/**
 * The rows' rename, move and delete buttons show only on a hovered or focused row, so the first paint leaves them
 * out and they follow at the first idle moment, this long after it at the latest. They were three quarters of the
 * outline's elements, and of the time its first screen of rows took to build and lay out.
 */
const ROW_ACTIONS_DEADLINE_MS = 150

const isSection = (item: OutlineItem | null, id: SectionId): boolean =>
  item?.kind === 'section' && item.id === id

export function OutlinePane({ doc, sections, readOnly, selectedLessonId, onSelectLesson }: OutlinePaneProps) {
  const { state: outline, actions } = useOutlineController({
    doc,
    sections,
    readOnly,
    selectedLessonId,
    onSelectLesson,
  })
  const { positions, drag } = outline
  const peersByLesson = usePeersByLesson()
  const openThreads = useOpenThreadCounts()
  const pending = outline.pendingDelete
  const selected: OutlineItem | null = selectedLessonId ? { kind: 'lesson', id: selectedLessonId } : null
  const hint = drag.hint
  const lessonDropSection =
    hint?.kind === 'lesson' ? sectionOf(positions, { kind: 'lesson', id: hint.id as LessonId }) : null
  const rowActions = useIdle(ROW_ACTIONS_DEADLINE_MS)
  const shown = useProgressiveSections(
    positions,
    sectionsHolding(positions, [selected, outline.editing, outline.focusRequest]),
  )

  return (
    <nav className="outline" aria-label="Course outline" onDragLeave={actions.drag.onLeave}>
      <div className="outline-heading">
        <h2>Outline</h2>
        <button
          type="button"
          className="button button-quiet"
          disabled={readOnly}
          onClick={actions.addSection}
        >
          + Add section
        </button>
      </div>
      {sections.length === 0 ? (
        <p className="quiet outline-hint">
          No sections yet. A course is a list of sections, each with its lessons.
        </p>
      ) : (
        <ol className="outline-sections" aria-label="Sections">
          {sections.slice(0, shown).map((section) => (
            <OutlineSection
              key={section.id}
              section={section}
              positions={positions}
              expanded={!outline.collapsed.has(section.id)}
              readOnly={readOnly}
              rowActions={rowActions}
              renaming={isSection(outline.editing, section.id)}
              focusRequested={isSection(outline.focusRequest, section.id)}
              drop={hint?.kind === 'section' && hint.id === section.id ? hint.edge : undefined}
              dragging={isSection(drag.dragging, section.id)}
              selectedLesson={lessonIn(positions, section.id, selected)}
              renamingLesson={lessonIn(positions, section.id, outline.editing)}
              focusLesson={lessonIn(positions, section.id, outline.focusRequest)}
              draggingLesson={lessonIn(positions, section.id, drag.dragging)}
              lessonDrop={lessonDropSection === section.id ? hint : null}
              peersByLesson={peersByLesson}
              openThreads={openThreads}
              actions={actions}
            />
          ))}
        </ol>
      )}
      {!readOnly && sections.length > 0 && (
        <p className="quiet outline-hint">
          Drag to reorder, or press Alt+↑ / Alt+↓ on a focused item. F2 renames.
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {outline.announcement}
      </p>
      {pending && (
        <ConfirmDialog
          title={`Delete ${pending.item.kind} “${pending.title}”?`}
          message={deleteMessage(pending)}
          confirmLabel={`Delete ${pending.item.kind}`}
          onConfirm={actions.confirmDelete}
          onCancel={actions.cancelDelete}
        />
      )}
    </nav>
  )
}
