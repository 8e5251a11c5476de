import type { Doc } from 'yjs'
import type { LessonId, SectionSnapshot } from '../../../../shared/course/types'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { OutlineSection } from './OutlineSection'
import { useOutlineController, type PendingDelete } from './use-outline-controller'

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

export function OutlinePane({ doc, sections, readOnly, selectedLessonId, onSelectLesson }: OutlinePaneProps) {
  const outline = useOutlineController({ doc, sections, readOnly, selectedLessonId, onSelectLesson })
  const pending = outline.pendingDelete

  return (
    <nav className="outline" aria-label="Course outline" onDragLeave={outline.drag.onLeave}>
      <div className="outline-heading">
        <h2>Outline</h2>
        <button
          type="button"
          className="button button-quiet"
          disabled={readOnly}
          onClick={outline.addSection}
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
          {sections.map((section) => (
            <OutlineSection key={section.id} section={section} outline={outline} />
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
          onConfirm={outline.confirmDelete}
          onCancel={outline.cancelDelete}
        />
      )}
    </nav>
  )
}
