import { refusalAdvice } from '../../../../shared/protocol/close-codes'
import type { ConnectionStatus } from '../../sync/course-sync'

interface TeamConnectionStatusProps {
  /** Null while the team's relay link is read. */
  readonly status: ConnectionStatus | null
}

const LABELS = {
  offline: 'Offline',
  connecting: 'Connecting…',
  synced: 'Synced',
  refused: 'Not syncing',
} as const satisfies Record<ConnectionStatus['kind'], string>

/**
 * Whether the team sees what this device wrote to the board yet, worded as a course's header says it. Everything
 * works offline: votes, needs and posts are stored here and sent when the relay can be reached.
 */
export function TeamConnectionStatus({ status }: TeamConnectionStatusProps) {
  const kind = status?.kind ?? 'connecting'
  const pending = (status?.unacknowledged ?? 0) > 0
  return (
    <p
      role="status"
      aria-label="Connection"
      className={`connection-indicator connection-indicator-${kind}`}
      data-status={kind}
    >
      {LABELS[kind]}
      {pending && kind !== 'synced' && ' · changes not yet on the relay'}
      {status?.kind === 'refused' && (
        <span className="connection-advice"> · {refusalAdvice(status.code)}</span>
      )}
    </p>
  )
}
