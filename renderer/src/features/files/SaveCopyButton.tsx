import { useState } from 'react'
import type * as Y from 'yjs'
import type { ChorusError } from '../../../../shared/errors'
import { useMenuCommand } from '../../platform/use-menu-command'
import { usePlatform } from '../../platform/use-platform'
import type { ChorusDb } from '../../storage/db'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { saveCourseCopy } from './save-course-copy'

interface SaveCopyButtonProps {
  readonly db: ChorusDb
  readonly doc: Y.Doc
}

/** "Save a copy…": the header button, and the desktop menu command while a course is open. */
export function SaveCopyButton({ db, doc }: SaveCopyButtonProps) {
  const platform = usePlatform()
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<ChorusError | null>(null)

  const save = () => {
    if (saving) return
    setSaving(true)
    setFailure(null)
    void saveCourseCopy(db, platform, doc).then((result) => {
      setSaving(false)
      if (!result.ok) setFailure(result.error)
    })
  }
  useMenuCommand('save-course-copy', save)

  return (
    <>
      <button type="button" className="button" onClick={save} disabled={saving}>
        Save a copy…
      </button>
      {failure && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
    </>
  )
}
