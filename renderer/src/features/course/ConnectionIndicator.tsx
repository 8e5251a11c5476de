import type { ConnectionStatus } from '../../sync/course-sync'

interface ConnectionIndicatorProps {
  readonly status: ConnectionStatus
}

const LABELS = {
  offline: 'Offline',
  connecting: 'Connecting…',
  synced: 'Synced',
} as const satisfies Record<ConnectionStatus['kind'], string>

/** Whether co-authors see this device's changes. Edits are saved locally in every state. */
export function ConnectionIndicator({ status }: ConnectionIndicatorProps) {
  return (
    <p
      role="status"
      aria-label="Connection"
      className={`connection-indicator connection-indicator-${status.kind}`}
      data-status={status.kind}
    >
      {LABELS[status.kind]}
    </p>
  )
}
