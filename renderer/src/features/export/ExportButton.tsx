import { useState } from 'react'
import type * as Y from 'yjs'
import type { ChorusDb } from '../../storage/db'
import { ExportDialog } from './ExportDialog'

interface ExportButtonProps {
  readonly db: ChorusDb
  readonly doc: Y.Doc
}

export function ExportButton({ db, doc }: ExportButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && <ExportDialog db={db} doc={doc} onClose={() => setOpen(false)} />}
    </>
  )
}
