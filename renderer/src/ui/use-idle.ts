import { useEffect, useState } from 'react'
import { whenIdle } from './when-idle'

/** An idle moment comes within this long on a busy page too. */
const IDLE_DEADLINE_MS = 1_000

/**
 * False until the page has had an idle moment since the component mounted (or `deadlineMs` has passed): for
 * details nobody reads in the first instant (a tooltip) whose cost would otherwise delay the first paint.
 */
export function useIdle(deadlineMs = IDLE_DEADLINE_MS): boolean {
  const [idle, setIdle] = useState(false)
  useEffect(() => (idle ? undefined : whenIdle(() => setIdle(true), deadlineMs)), [idle, deadlineMs])
  return idle
}
