import { useState } from 'react'
import type { VersionId } from '../../../../shared/history/types'
import { useHistoryProblem, useHistorySession } from '../../history/history-session'
import type { ChorusDb } from '../../storage/db'
import { Dialog } from '../../ui/Dialog'
import { RestoreStatus } from './RestoreStatus'
import { SaveVersionForm } from './SaveVersionForm'
import { VersionDetail, type VersionMode } from './VersionDetail'
import { VersionList } from './VersionList'
import './history.css'

interface HistoryPanelProps {
  readonly db: ChorusDb
  readonly onClose: () => void
}

type Shown =
  { readonly kind: 'list' } | { readonly kind: 'version'; readonly id: VersionId; readonly mode: VersionMode }

const READ_ONLY_NOTE =
  'You can look at versions and compare them with the course now. Only authors can save or restore versions.'

/** The course's versions: save one by name, list them, open one read-only, compare it with now, restore. */
export function HistoryPanel({ db, onClose }: HistoryPanelProps) {
  const session = useHistorySession()
  const problem = useHistoryProblem()
  const [shown, setShown] = useState<Shown>({ kind: 'list' })
  const version =
    shown.kind === 'version' ? session?.versions.find((candidate) => candidate.id === shown.id) : undefined

  const content = () => {
    if (session === null) return problem === null && <p className="quiet">Loading the versions…</p>
    if (shown.kind === 'version' && version !== undefined)
      return (
        <VersionDetail
          db={db}
          session={session}
          version={version}
          mode={shown.mode}
          onMode={(mode) => setShown({ ...shown, mode })}
          onBack={() => setShown({ kind: 'list' })}
        />
      )
    return (
      <>
        {session.canWrite ? <SaveVersionForm session={session} /> : <p className="quiet">{READ_ONLY_NOTE}</p>}
        <RestoreStatus />
        <VersionList
          versions={session.versions}
          onOpen={(id, mode) => setShown({ kind: 'version', id, mode })}
        />
      </>
    )
  }

  return (
    <Dialog role="dialog" title="History" onCancel={onClose}>
      <div className="history-panel">
        {problem !== null && (
          <p className="error-notice" role="alert">
            {problem}
          </p>
        )}
        {content()}
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            onClick={onClose}
            data-autofocus={session?.canWrite ? undefined : true}
          >
            Close
          </button>
        </div>
      </div>
    </Dialog>
  )
}
