import { useState } from 'react'
import type * as Y from 'yjs'
import type { CourseId, SectionSnapshot } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import { useFeedbackSession } from '../../feedback/use-feedback-session'
import type { ChorusDb } from '../../storage/db'
import { FeedbackPanel } from './FeedbackPanel'

interface FeedbackButtonProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly courseDoc: Y.Doc
  readonly sections: readonly SectionSnapshot[]
  readonly onCloseFailed: (error: ChorusError) => void
}

/**
 * Opens the pilot learners' feedback. The feedback syncs for as long as the course is open, not only while the
 * panel is, so what learners sent is on this device when the author is offline later.
 */
export function FeedbackButton({ db, courseId, courseDoc, sections, onCloseFailed }: FeedbackButtonProps) {
  const [open, setOpen] = useState(false)
  const session = useFeedbackSession(db, courseId, onCloseFailed)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Feedback
      </button>
      {open && (
        <FeedbackPanel
          session={session}
          courseId={courseId}
          courseDoc={courseDoc}
          sections={sections}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}
