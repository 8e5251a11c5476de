import { useState } from 'react'
import type * as Y from 'yjs'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { PreviewDialog } from './PreviewDialog'

interface PreviewButtonProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly doc: Y.Doc
  readonly title: string
}

export function PreviewButton({ db, courseId, doc, title }: PreviewButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Preview as learner
      </button>
      {open && (
        <PreviewDialog db={db} courseId={courseId} doc={doc} title={title} onClose={() => setOpen(false)} />
      )}
    </>
  )
}
