import type { FormEvent } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { Dialog } from '../../ui/Dialog'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { ImportLevelFields } from './ImportLevelFields'
import { ImportPreview } from './ImportPreview'
import { useDocumentImport, type ImportTarget } from './use-document-import'
import './import-dialog.css'

interface ImportDocumentDialogProps {
  readonly db: ChorusDb
  readonly target: ImportTarget
  readonly onCreated: (id: CourseId) => void
  readonly onClose: () => void
}

const PHASES = { reading: 'Reading', converting: 'Converting', planning: 'Planning the outline' } as const

/** Import a Word or Markdown document: choose it, see the proposed outline and what is lost, then create. */
export function ImportDocumentDialog({ db, target, onCreated, onClose }: ImportDocumentDialogProps) {
  const { stage, choose, cancelReading, changeLevels, create, undo } = useDocumentImport(
    db,
    target,
    onCreated,
  )
  const newCourse = target.kind === 'new-course'
  const busy = stage.kind === 'reading' || stage.kind === 'creating'

  if (stage.kind === 'added')
    return (
      <Dialog role="dialog" title="Document imported" onCancel={onClose}>
        <p role="status">
          {stage.undone
            ? 'The import was undone: its sections and lessons are gone from this course.'
            : `Added ${stage.lessons} ${stage.lessons === 1 ? 'lesson' : 'lessons'} to this course.`}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={undo} disabled={stage.undone}>
            Undo import
          </button>
          <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </Dialog>
    )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    create()
  }

  return (
    <Dialog
      role="dialog"
      title={newCourse ? 'Import document as a new course' : 'Import document into this course'}
      description="Word (.docx), Markdown (.md) or a .zip of Markdown with its images. Headings become sections and lessons."
      onCancel={() => (stage.kind === 'reading' ? cancelReading() : !busy && onClose())}
    >
      <form className="dialog-form import-dialog" onSubmit={submit}>
        {stage.kind === 'choosing' && (
          <>
            {stage.failure && <ErrorNotice error={stage.failure} />}
            <button type="button" className="button" onClick={choose} data-autofocus>
              Choose document…
            </button>
          </>
        )}
        {stage.kind === 'reading' && (
          <>
            <p>
              {PHASES[stage.progress.phase]} {stage.fileName}…
            </p>
            <progress
              className="export-progress"
              aria-label="Import progress"
              max={100}
              value={stage.progress.percent}
            />
          </>
        )}
        {stage.kind === 'previewing' && (
          <>
            <ImportLevelFields levels={stage.levels} onChange={changeLevels} />
            <ImportPreview fileName={stage.fileName} plan={stage.plan} />
            {stage.failure && <ErrorNotice error={stage.failure} />}
          </>
        )}
        {stage.kind === 'creating' && <p role="status">Creating from {stage.fileName}…</p>}
        <div className="dialog-actions">
          {stage.kind === 'reading' ? (
            <button type="button" className="button" onClick={cancelReading}>
              Cancel import
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
          )}
          {(stage.kind === 'previewing' || stage.kind === 'creating') && (
            <button type="submit" className="button button-primary" disabled={busy} data-autofocus>
              {newCourse ? 'Create course' : 'Add to course'}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  )
}
