import { useEffect } from 'react'
import type * as Y from 'yjs'
import { hourlyVersionDue, takeVersion } from '../../../shared/history/history-doc'
import type { Person } from '../../../shared/history/types'
import { whenIdle } from '../ui/when-idle'
import { onDocChange } from './doc-changes'

/**
 * How long after an edit the question "is an hourly version due?" is asked: at most once in that time however
 * fast the user types, and about the course as it is after a burst of edits, not in the middle of one.
 */
export const HOURLY_CHECK_DELAY_MS = 5000
const IDLE_DEADLINE_MS = 5000

/**
 * While this user edits the course, takes an automatic version when the newest one is an hour old (or when there
 * is none yet). Only edits made here count: co-authors' devices take their own, and a version one of them took
 * reaches this one and resets the hour, so a team does not take one per person. The check runs at an idle moment,
 * never in a keystroke.
 */
export function useHourlyVersions(history: Y.Doc | null, course: Y.Doc, me: Person | null): void {
  useEffect(() => {
    if (history === null || me === null) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let cancelIdle = (): void => {}
    const check = (): void => {
      timer = undefined
      if (hourlyVersionDue(history, course, Date.now()))
        takeVersion(history, course, { reason: 'hourly', by: me })
    }
    const stop = onDocChange(course, (local) => {
      if (!local || timer !== undefined) return
      timer = setTimeout(() => (cancelIdle = whenIdle(check, IDLE_DEADLINE_MS)), HOURLY_CHECK_DELAY_MS)
    })
    return () => {
      stop()
      clearTimeout(timer)
      cancelIdle()
    }
  }, [history, course, me])
}
