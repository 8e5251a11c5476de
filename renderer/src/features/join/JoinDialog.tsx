import { useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import { parseInvite } from '../../../../shared/protocol/invite'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { PromptDialog } from '../../ui/PromptDialog'
import { joinCourse } from './join-course'

interface JoinDialogProps {
  readonly db: ChorusDb
  readonly onJoined: (courseId: CourseId) => void
  readonly onCancel: () => void
}

/** Asks for an invite link and adds its course to the library. */
export function JoinDialog({ db, onJoined, onCancel }: JoinDialogProps) {
  const [failure, setFailure] = useState<string | null>(null)

  const validate = (value: string): string | null => {
    const parsed = parseInvite(value)
    return parsed.ok ? null : parsed.error.message
  }

  const submit = (value: string): void => {
    const parsed = parseInvite(value)
    if (!parsed.ok) return
    setFailure(null)
    joinCourse(db, parsed.value).then(onJoined, (cause: unknown) => setFailure(toStorageError(cause).message))
  }

  return (
    <PromptDialog
      title="Join shared course"
      label="Invite link"
      submitLabel="Join"
      placeholder="chorus://join?relay=…"
      validate={validate}
      failure={failure}
      onSubmit={submit}
      onCancel={onCancel}
    />
  )
}
