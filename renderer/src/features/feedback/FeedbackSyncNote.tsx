import { refusalAdvice } from '../../../../shared/protocol/close-codes'
import type { ConnectionStatus } from '../../sync/course-sync'
import { useShownCount } from '../../sync/use-shown-count'

const IDLE: ConnectionStatus = { kind: 'synced', unacknowledged: 0 }

/** Tells a learner which of their feedback changes the authors cannot see yet; nothing once the relay has them all. */
export function FeedbackSyncNote({ status }: { readonly status: ConnectionStatus | null }) {
  const count = useShownCount(status ?? IDLE)
  return (
    <p role="status" aria-label="Feedback sync" className="quiet feedback-sync-note">
      {status?.kind === 'refused' &&
        `Feedback is not syncing: ${refusalAdvice(status.code)} Your feedback stays saved on this device. `}
      {count > 0 &&
        `${count} feedback ${count === 1 ? 'change' : 'changes'} not yet on the relay: saved on this device, ` +
          'sent when the relay can be reached.'}
    </p>
  )
}
