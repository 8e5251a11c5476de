import { useState, type FormEvent } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { Invite } from '../../../../shared/protocol/invite'
import { useCourseIdentity } from '../../review/use-course-identity'
import type { ChorusDb } from '../../storage/db'
import { Dialog } from '../../ui/Dialog'
import { DialogActions } from '../../ui/DialogActions'
import { TextField } from '../../ui/TextField'
import { JoinConfirmDialog } from './JoinConfirmDialog'
import { CopyButton } from './CopyButton'
import { inviteCommand, inviteFor } from './share-invite'

interface ShareDialogProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly onClose: () => void
}

/**
 * Shares a course that so far lives on this device only: whoever runs the team's relay mints an invite for this
 * course id; pasting it here and confirming the relay it names connects the course, and its content goes there.
 */
export function ShareDialog({ db, courseId, onClose }: ShareDialogProps) {
  const [link, setLink] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<Invite | null>(null)
  const identity = useCourseIdentity(db, courseId)
  // Until the device's user id is read, the command cannot be complete; it is shown once it can.
  const command = identity.status === 'known' ? inviteCommand(courseId, identity.identity.me) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const invite = inviteFor(courseId, link)
    if (!invite.ok) {
      setProblem(invite.error.message)
      return
    }
    setConfirming(invite.value)
  }

  if (confirming !== null) {
    return (
      <JoinConfirmDialog
        db={db}
        invite={confirming}
        onJoined={onClose}
        onCancel={() => setConfirming(null)}
      />
    )
  }

  return (
    <Dialog role="dialog" title="Share this course" onCancel={onClose}>
      <div className="share-steps">
        <p>
          This course is saved on this device only. To write it together, connect it to your team’s relay: the
          person who runs the relay makes an invite for this course, you paste it below, and co-authors join
          with invites of their own.
        </p>
        <dl className="share-facts">
          <dt>Course id</dt>
          <dd>
            <code>{courseId}</code>
            <CopyButton text={courseId} what="course id" />
          </dd>
          <dt>Command for the relay admin</dt>
          <dd>
            {command === null ? (
              <span className="quiet">Reading your user id…</span>
            ) : (
              <>
                <code>{command}</code>
                <CopyButton text={command} what="command" />
              </>
            )}
          </dd>
        </dl>
        <p className="quiet">
          URL is the relay’s ws:// or wss:// address. The invite carries your user id, so the comments you
          wrote before sharing stay yours, and the name co-authors will see. Co-authors get invites of their
          own: use --role reviewer or viewer for people who should not edit, and --role learner for pilot
          learners, who take the course and send feedback.
        </p>
      </div>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <TextField
          label="Invite link for this course"
          value={link}
          placeholder="chorus://join?relay=…"
          onChange={(next) => (setLink(next), setProblem(null))}
          problem={problem}
          autoFocus
        />
        <DialogActions submitLabel="Connect" onCancel={onClose} />
      </form>
    </Dialog>
  )
}
