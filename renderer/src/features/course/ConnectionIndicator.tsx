import { useSyncExternalStore } from 'react'
import { refusalAdvice } from '../../../../shared/protocol/close-codes'
import type { ConnectionSource, ConnectionStatus } from '../../sync/course-sync'
import { useShownCount } from '../../sync/use-shown-count'

interface ConnectionIndicatorProps {
  readonly connection: ConnectionSource
}

const LABELS = {
  offline: 'Offline',
  connecting: 'Connecting…',
  synced: 'Synced',
  refused: 'Not syncing',
} as const satisfies Record<ConnectionStatus['kind'], string>

const changes = (count: number): string =>
  `${count} ${count === 1 ? 'change' : 'changes'} not yet on the relay`

/** Whether co-authors see this device's changes, and how many they do not yet. Edits are saved locally in every state. */
export function ConnectionIndicator({ connection }: ConnectionIndicatorProps) {
  const status = useSyncExternalStore(connection.subscribe, connection.getStatus)
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
      {status.kind === 'refused' && (
        <span className="connection-advice"> · {refusalAdvice(status.code)}</span>
      )}
    </p>
  )
}
