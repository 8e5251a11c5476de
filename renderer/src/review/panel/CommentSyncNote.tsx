import { refusalAdvice } from '../../../../shared/protocol/close-codes'
import type { ConnectionStatus } from '../../sync/course-sync'
import { useShownCount } from '../../sync/use-shown-count'

/** Tells a commenter which of their comment changes co-authors cannot see yet; nothing once the relay has them all. */
export function CommentSyncNote({ status }: { readonly status: ConnectionStatus | null }) {
  const count = useShownCount(status ?? IDLE)
  return (
    <p role="status" aria-label="Comments sync" className="comment-sync-note">
      {status?.kind === 'refused' &&
        `Comments are not syncing: ${refusalAdvice(status.code)} Your comments stay saved on this device. `}
      {count > 0 &&
        `${count} comment ${count === 1 ? 'change' : 'changes'} not yet on the relay: saved on this device, ` +
          'sent when the relay can be reached.'}
    </p>
  )
}

const IDLE: ConnectionStatus = { kind: 'synced', unacknowledged: 0 }
