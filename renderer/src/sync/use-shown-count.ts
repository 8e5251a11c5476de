import { useEffect, useState } from 'react'
import type { ConnectionStatus } from './course-sync'

// While connected, each keystroke is pending for a moment until the relay answers: only a count that lasts means
// something is wrong, so it shows after this long. Offline it shows at once.
const SYNCED_COUNT_DELAY_MS = 2000

/** The number of unacknowledged changes worth showing: all of them offline, only lasting ones while synced. */
export const useShownCount = ({ kind, unacknowledged }: ConnectionStatus): number => {
  const pending = unacknowledged > 0
  const [lasting, setLasting] = useState(false)
  useEffect(() => {
    setLasting(false)
    if (!pending || kind !== 'synced') return
    const timer = setTimeout(() => setLasting(true), SYNCED_COUNT_DELAY_MS)
    return () => clearTimeout(timer)
  }, [pending, kind])
  return kind !== 'synced' || lasting ? unacknowledged : 0
}
