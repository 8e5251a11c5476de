import { useState } from 'react'
import type * as Y from 'yjs'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { ExportDialog } from './ExportDialog'

interface ExportButtonProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly doc: Y.Doc
}

export function ExportButton({ db, courseId, doc }: ExportButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && <ExportDialog db={db} courseId={courseId} doc={doc} onClose={() => setOpen(false)} />}
    </>
  )
}
