import { useRestore } from '../../history/use-restorer'
import { versionLabel } from './version-label'

/** What the last restore did, with the one control that takes it back. */
export function RestoreStatus() {
  const restorer = useRestore()
  const last = restorer.last
  if (last === null) return null
  const what = last.lesson === null ? 'The whole course' : `“${last.lesson.title || 'Untitled lesson'}”`
  return (
    <div className="restore-status">
      <p role="status">
        {last.undone
          ? `Restore undone: ${what} is back as it was before the restore.`
          : `${what} restored to “${versionLabel(last.version)}”.`}
      </p>
      {!last.undone && (
        <button type="button" className="button" onClick={restorer.undo}>
          Undo restore
        </button>
      )}
      <button type="button" className="button button-quiet" onClick={restorer.dismiss}>
        Dismiss
      </button>
    </div>
  )
}
