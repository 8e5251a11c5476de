import { useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusDb } from '../../storage/db'
import { ShareDialog } from './ShareDialog'

interface ShareButtonProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
}

/** "Share…" for a course that is not connected to a relay yet. */
export function ShareButton({ db, courseId }: ShareButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Share…
      </button>
      {open && <ShareDialog db={db} courseId={courseId} onClose={() => setOpen(false)} />}
    </>
  )
}
