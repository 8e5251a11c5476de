import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import type { ChorusError } from '../../../../shared/errors'
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/export/types'
import { useHistorySession } from '../../history/history-session'
import { usePlatform } from '../../platform/use-platform'
import { OpenCommentsNote } from '../../review/OpenCommentsNote'
import type { ChorusDb } from '../../storage/db'
import { useCourseTeam } from '../../team/course-team'
import { publishOnExport, TeamExportNote } from '../../team/TeamExportNote'
import { Dialog } from '../../ui/Dialog'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { ChangesSinceExport } from './ChangesSinceExport'
import { FORMAT_LABELS } from './export-progress'
import { runExport } from './run-export'

interface ExportDialogProps {
  readonly db: ChorusDb
  readonly doc: Y.Doc
  readonly onClose: () => void
}

type Stage =
  | { readonly kind: 'choosing'; readonly failure: ChorusError | null }
  | { readonly kind: 'exporting'; readonly percent: number }
  | { readonly kind: 'incomplete'; readonly fileName: string; readonly missing: number }

/** Picks a package format, exports with a progress bar, then saves (desktop) or downloads (browser) the zip. */
export function ExportDialog({ db, doc, onClose }: ExportDialogProps) {
  const platform = usePlatform()
  const history = useHistorySession()
  const team = useCourseTeam()
  const [format, setFormat] = useState<ExportFormat>('scorm12')
  const [stage, setStage] = useState<Stage>({ kind: 'choosing', failure: null })
  const exporting = stage.kind === 'exporting'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (exporting) return
    setStage({ kind: 'exporting', percent: 0 })
    const onPercent = (percent: number) => setStage({ kind: 'exporting', percent })
    void runExport(db, platform, doc, format, onPercent, history).then((result) => {
      if (result.ok && result.value.saved) publishOnExport(team)
      if (!result.ok) setStage({ kind: 'choosing', failure: result.error })
      else if (result.value.saved && result.value.missingMedia.length > 0)
        setStage({
          kind: 'incomplete',
          fileName: result.value.fileName,
          missing: result.value.missingMedia.length,
        })
      else if (result.value.saved) onClose()
      else setStage({ kind: 'choosing', failure: null })
    })
  }

  if (stage.kind === 'incomplete') {
    return (
      <Dialog role="dialog" title="Exported with placeholders" onCancel={onClose}>
        <p role="status">
          Saved {stage.fileName}, but {stage.missing} media file(s) used in lessons are not on this device
          yet, so the package shows placeholders for them. Open the course while connected to sync them, then
          export again.
        </p>
        <div className="dialog-actions">
          <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog role="dialog" title="Export course" onCancel={() => !exporting && onClose()}>
      <form className="dialog-form" onSubmit={submit}>
        <fieldset className="export-formats" disabled={exporting}>
          <legend className="field-label">Format</legend>
          {EXPORT_FORMATS.map((option) => (
            <label key={option} className="export-format">
              <input
                type="radio"
                name="export-format"
                value={option}
                checked={format === option}
                onChange={() => setFormat(option)}
                data-autofocus={format === option ? true : undefined}
              />{' '}
              {FORMAT_LABELS[option]}
            </label>
          ))}
        </fieldset>
        <ChangesSinceExport session={history} />
        <OpenCommentsNote />
        <TeamExportNote />
        {stage.kind === 'exporting' && (
          <progress
            className="export-progress"
            aria-label="Export progress"
            max={100}
            value={stage.percent}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={stage.percent}
          />
        )}
        {stage.kind === 'choosing' && stage.failure && <ErrorNotice error={stage.failure} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={exporting}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={exporting}>
            {exporting ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
