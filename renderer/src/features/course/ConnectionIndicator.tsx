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

/**
 * Whether co-authors see this device's changes yet. Edits are saved locally in every state. The number of pending
 * changes (one per keystroke or command) stays in `data-unacknowledged` for tests and diagnostics; it is not shown,
 * because "38 changes" after one sentence means nothing to a writer.
 */
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
      {count > 0 && ' · changes not yet on the relay'}
      {status.kind === 'refused' && (
        <span className="connection-advice"> · {refusalAdvice(status.code)}</span>
      )}
    </p>
  )
}
