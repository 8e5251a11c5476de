import { useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import { routeHash } from '../../navigation/route'
import type { ChorusDb } from '../../storage/db'
import { ImportDocumentDialog } from './ImportDocumentDialog'
import type { ImportTarget } from './use-document-import'

interface ImportDocumentButtonProps {
  readonly db: ChorusDb
  readonly target: ImportTarget
  readonly disabled?: boolean
}

/** "Import document…": a new course from the library, or more sections in the open course. */
export function ImportDocumentButton({ db, target, disabled = false }: ImportDocumentButtonProps) {
  const [open, setOpen] = useState(false)
  const opened = (id: CourseId) => {
    setOpen(false)
    window.location.hash = routeHash({ kind: 'course', courseId: id, lessonId: null })
  }
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} disabled={disabled}>
        Import document…
      </button>
      {open && (
        <ImportDocumentDialog db={db} target={target} onCreated={opened} onClose={() => setOpen(false)} />
      )}
    </>
  )
}
