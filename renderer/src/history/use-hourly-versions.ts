import { useEffect } from 'react'
import type * as Y from 'yjs'
import { hourlyVersionDue, takeVersion } from '../../../shared/history/history-doc'
import type { Person } from '../../../shared/history/types'
import { whenIdle } from '../ui/when-idle'
import { onDocChange } from './doc-changes'

/**
 * How long this user's edits must pause before "is an hourly version due?" is asked. Taking a version encodes the
 * course (about 0.3 s for the first, full one at 1,000 lessons on a slow machine): asked mid-typing, the next
 * keystroke would wait for it, and someone typing steadily leaves no idle moment to hide it in.
 */
export const VERSION_PAUSE_MS = 3000
/** Someone who never pauses that long still gets their hourly version, at the cost of one short wait. */
const LONGEST_WITHOUT_PAUSE_MS = 10 * 60_000
const IDLE_DEADLINE_MS = 5000

/**
 * While this user edits the course, takes an automatic version when the newest one is an hour old (or when there
 * is none yet), at the first pause in their editing. Only edits made here count: co-authors' devices take their
 * own, and a version one of them took reaches this one and resets the hour, so a team does not take one per
 * person.
 */
export function useHourlyVersions(history: Y.Doc | null, course: Y.Doc, me: Person | null): void {
  useEffect(() => {
    if (history === null || me === null) return
    let pause: ReturnType<typeof setTimeout> | undefined
    let editingSince: number | null = null
    let cancelIdle = (): void => {}
    const check = (): void => {
      if (hourlyVersionDue(history, course, Date.now()))
        takeVersion(history, course, { reason: 'hourly', by: me })
    }
    const stop = onDocChange(course, (local) => {
      if (!local) return
      const now = Date.now()
      editingSince ??= now
      clearTimeout(pause)
      const wait = now - editingSince >= LONGEST_WITHOUT_PAUSE_MS ? 0 : VERSION_PAUSE_MS
      pause = setTimeout(() => {
        editingSince = null
        cancelIdle()
        cancelIdle = whenIdle(check, IDLE_DEADLINE_MS)
      }, wait)
    })
    return () => {
      stop()
      clearTimeout(pause)
      cancelIdle()
    }
  }, [history, course, me])
}
