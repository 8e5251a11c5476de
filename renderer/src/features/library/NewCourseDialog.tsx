import { useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import type { ChorusDb } from '../../storage/db'
import { createCourse } from '../../storage/library'
import { toStorageError } from '../../storage/storage-error'
import { PromptDialog } from '../../ui/PromptDialog'
import { requireCourseTitle } from './course-title'

interface NewCourseDialogProps {
  readonly db: ChorusDb
  readonly onCreated: (id: CourseId) => void
  readonly onCancel: () => void
}

/** Names and stores a new course. A storage failure keeps the dialog open and says why. */
export function NewCourseDialog({ db, onCreated, onCancel }: NewCourseDialogProps) {
  const [failure, setFailure] = useState<ChorusError | null>(null)
  const [busy, setBusy] = useState(false)

  const create = async (title: string) => {
    if (busy) return
    setBusy(true)
    try {
      onCreated(await createCourse(db, { title: title.trim() }))
    } catch (cause) {
      setFailure(toStorageError(cause))
      setBusy(false)
    }
  }

  return (
    <PromptDialog
      title="New course"
      label="Course title"
      submitLabel="Create course"
      validate={requireCourseTitle}
      failure={failure?.message ?? null}
      onSubmit={(title) => void create(title)}
      onCancel={onCancel}
    />
  )
}
