import { useState } from 'react'
import type * as Y from 'yjs'
import type { CourseSettings } from '../../../../shared/course/types'
import { CourseSettingsDialog } from './CourseSettingsDialog'

interface CourseSettingsButtonProps {
  readonly doc: Y.Doc
  readonly settings: CourseSettings
  readonly readOnly: boolean
}

export function CourseSettingsButton({ doc, settings, readOnly }: CourseSettingsButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Course settings…
      </button>
      {open && (
        <CourseSettingsDialog
          doc={doc}
          settings={settings}
          readOnly={readOnly}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}
