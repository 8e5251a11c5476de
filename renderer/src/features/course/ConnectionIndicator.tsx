import { useEffect, useState } from 'react'
import type { ConnectionStatus } from '../../sync/course-sync'

interface ConnectionIndicatorProps {
  readonly status: ConnectionStatus
}

const LABELS = {
  offline: 'Offline',
  connecting: 'Connecting…',
  synced: 'Synced',
} as const satisfies Record<ConnectionStatus['kind'], string>

// While connected, each keystroke is pending for a moment until the relay answers: only a count that lasts means
// something is wrong, so it shows after this long. Offline it shows at once.
const SYNCED_COUNT_DELAY_MS = 2000

const changes = (count: number): string =>
  `${count} ${count === 1 ? 'change' : 'changes'} not yet on the relay`

/** Whether co-authors see this device's changes, and how many they do not yet. Edits are saved locally in every state. */
export function ConnectionIndicator({ status }: ConnectionIndicatorProps) {
  const count = useShownCount(status)
  return (
    <p
      role="status"
      aria-label="Connection"
      className={`connection-indicator connection-indicator-${status.kind}`}
      data-status={status.kind}
      data-unacknowledged={status.unacknowledged}
      title={count > 0 ? 'Saved on this device; sent to the relay when it can be reached.' : undefined}
    >
      {LABELS[status.kind]}
      {count > 0 && ` · ${changes(count)}`}
    </p>
  )
}

const useShownCount = ({ kind, unacknowledged }: ConnectionStatus): number => {
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
