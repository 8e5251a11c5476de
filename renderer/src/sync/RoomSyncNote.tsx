import { refusalAdvice } from '../../../shared/protocol/close-codes'
import type { ConnectionStatus } from './course-sync'
import { useShownCount } from './use-shown-count'

const IDLE: ConnectionStatus = { kind: 'synced', unacknowledged: 0 }

interface RoomSyncNoteProps {
  /** How the side room (comments, feedback) stands with the relay; null for a course that is not shared. */
  readonly status: ConnectionStatus | null
  /** What the room holds, as the note names it: "Comments", "Feedback". */
  readonly subject: string
  /** One change of it: "comment change", "feedback change" (an s is added for more than one). */
  readonly change: string
  /** Where the local copy stays, said when the relay refused: "Your comments stay saved on this device." */
  readonly kept: string
  readonly className: string
}

/**
 * Tells the writer of a course's side room (comments, feedback) which of their changes others cannot see yet,
 * and why it stopped syncing if the relay refused it; nothing once the relay has them all.
 */
export function RoomSyncNote({ status, subject, change, kept, className }: RoomSyncNoteProps) {
  const count = useShownCount(status ?? IDLE)
  return (
    <p role="status" aria-label={`${subject} sync`} className={className}>
      {status?.kind === 'refused' &&
        `${subject} ${subject.endsWith('s') ? 'are' : 'is'} not syncing: ${refusalAdvice(status.code)} ${kept} `}
      {count > 0 &&
        `${count} ${change}${count === 1 ? '' : 's'} not yet on the relay: saved on this device, ` +
          'sent when the relay can be reached.'}
    </p>
  )
}
