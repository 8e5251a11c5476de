import { useState } from 'react'
import type * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { PreviewDialog } from './PreviewDialog'

interface PreviewButtonProps {
  readonly db: ChorusDb
  readonly doc: Y.Doc
  readonly title: string
  /** The lesson the author has open: the preview starts there. Null (none open) starts at the first lesson. */
  readonly lessonId: LessonId | null
}

export function PreviewButton({ db, doc, title, lessonId }: PreviewButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Preview as learner
      </button>
      {open && (
        <PreviewDialog db={db} doc={doc} title={title} lessonId={lessonId} onClose={() => setOpen(false)} />
      )}
    </>
  )
}
