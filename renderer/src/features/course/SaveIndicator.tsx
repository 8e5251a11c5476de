import { useMemo, useSyncExternalStore } from 'react'
import type { CourseStore } from '../../storage/course-store'
import { formatFullDate } from '../../ui/relative-time'
import { useIdle } from '../../ui/use-idle'
import { showSaveStatus } from './shown-save-status'

interface SaveIndicatorProps {
  readonly store: CourseStore
}

/** Whether the course is safely on this device. An error stays visible until a save succeeds. */
export function SaveIndicator({ store }: SaveIndicatorProps) {
  const shown = useMemo(() => showSaveStatus(store.save), [store])
  const status = useSyncExternalStore(shown.subscribe, shown.get)
  // Building the first full-date format loads the locale's calendar data (tens of milliseconds on a slow machine):
  // the tooltip waits for an idle moment rather than the course's first paint.
  const idle = useIdle()
  const savedMinute = status.kind === 'saved' ? status.minute : null
  const title = useMemo(
    () => (idle && savedMinute !== null ? `Last saved ${formatFullDate(savedMinute)}` : undefined),
    [idle, savedMinute],
  )
  switch (status.kind) {
    case 'saved':
      return (
        <p
          role="status"
          aria-label="Save status"
          className="save-indicator save-indicator-saved"
          title={title}
        >
          Saved locally
        </p>
      )
    case 'saving':
      return (
        <p role="status" aria-label="Save status" className="save-indicator save-indicator-saving">
          Saving…
        </p>
      )
    case 'error':
      return (
        <p
          role="status"
          aria-label="Save status"
          className="save-indicator save-indicator-error"
          data-code={status.error.code}
        >
          {status.error.message}
        </p>
      )
  }
}
