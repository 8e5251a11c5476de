import { useEffect, useState } from 'react'
import type { SaveStatus } from '../../storage/course-store'

/** How long a save may take before the save indicator says so. */
export const SAVING_SHOWN_AFTER_MS = 1_000

/**
 * What the save indicator shows: "Saving…" only for a save that takes longer than a moment. Every keystroke is
 * saved within milliseconds; saying so flipped the header's text, and laid the header out, twice per keystroke.
 * A save after an error shows at once: the error must not give way to an earlier "Saved".
 */
export const shownSaveStatus = (status: SaveStatus, settled: SaveStatus | null, slow: boolean): SaveStatus =>
  status.kind === 'saving' && !slow && settled?.kind === 'saved' ? settled : status

/** The status to show for `status`, the course's save status as it changes (see shownSaveStatus). */
export function useShownSaveStatus(status: SaveStatus): SaveStatus {
  const [settled, setSettled] = useState<SaveStatus | null>(status.kind === 'saving' ? null : status)
  if (status.kind !== 'saving' && status !== settled) setSettled(status)
  const [slow, setSlow] = useState(false)
  const saving = status.kind === 'saving'
  useEffect(() => {
    if (!saving) return
    const timer = setTimeout(() => setSlow(true), SAVING_SHOWN_AFTER_MS)
    return () => {
      clearTimeout(timer)
      setSlow(false)
    }
  }, [saving])
  return shownSaveStatus(status, settled, slow)
}
