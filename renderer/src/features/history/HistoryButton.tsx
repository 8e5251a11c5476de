import { useState } from 'react'
import { useRestore } from '../../history/use-restorer'
import type { ChorusDb } from '../../storage/db'
import { HistoryPanel } from './HistoryPanel'

interface HistoryButtonProps {
  readonly db: ChorusDb
}

/**
 * Opens the History panel. After a restore, and until it is undone or dismissed, an "Undo restore" button stays
 * beside it, so the author can look at the restored lesson in the editor and still take the restore back.
 */
export function HistoryButton({ db }: HistoryButtonProps) {
  const [open, setOpen] = useState(false)
  const restorer = useRestore()
  const undoable = restorer.last !== null && !restorer.last.undone
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        History
      </button>
      {undoable && !open && (
        <button type="button" className="button" onClick={restorer.undo}>
          Undo restore
        </button>
      )}
      {open && <HistoryPanel db={db} onClose={() => setOpen(false)} />}
    </>
  )
}
