import { useId, type ReactNode } from 'react'
import type { RelayAddress } from '../../../../shared/protocol/relay-address'
import { Dialog } from '../../ui/Dialog'
import { FieldProblem } from '../../ui/FieldProblem'

/** What a join's plan says about the connection, read once it is known. */
export interface JoinConnection {
  readonly relay: RelayAddress
  /** `ws://` to a host outside loopback and private networks. */
  readonly unencrypted: boolean
}

interface JoinConfirmFrameProps {
  /** Null while what this device holds is still being read. */
  readonly connection: JoinConnection | null
  /** What connecting would do, in one sentence: read out as the dialog's description. */
  readonly consequence: string | undefined
  /** What is being read meanwhile: "the course", "the team". */
  readonly reading: string
  /** What would travel unencrypted: "the course", "the team space". */
  readonly carried: string
  /** The facts after the relay's: the course or team, and the role the invite grants. */
  readonly facts: ReactNode
  readonly problem: string | null
  readonly canConnect: boolean
  readonly onConnect: () => void
  /** Cancel, Escape: nothing was saved or sent. */
  readonly onCancel: () => void
}

/**
 * The question every join asks, of a course or of a team: the relay's host and whether the connection is
 * encrypted, what is joined, and what connecting changes. Nothing is saved or sent before Connect, and focus starts
 * on Cancel, so a stray Enter leaves things as they were.
 */
export function JoinConfirmFrame({
  connection,
  consequence,
  reading,
  carried,
  facts,
  problem,
  canConnect,
  onConnect,
  onCancel,
}: JoinConfirmFrameProps) {
  const problemId = useId()
  const warningId = useId()
  return (
    <Dialog role="alertdialog" title="Connect to this relay?" description={consequence} onCancel={onCancel}>
      {connection === null ? (
        <p className="quiet">Reading what this device holds of {reading}…</p>
      ) : (
        <dl className="share-facts join-facts">
          <dt>Relay</dt>
          <dd>
            <code>{connection.relay.host}</code>
            {connection.relay.encrypted ? 'encrypted (wss://)' : 'not encrypted (ws://)'}
          </dd>
          {facts}
        </dl>
      )}
      {connection?.unencrypted && (
        <p className="join-warning" role="note" aria-labelledby={warningId}>
          <strong id={warningId}>Unencrypted connection.</strong> Anyone on the network between you and{' '}
          {connection.relay.host} can read {carried} and your access token, and change what you receive.
          Continue only on a network you trust, or ask for a wss:// invite.
        </p>
      )}
      <FieldProblem id={problemId} problem={problem} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={onConnect}
          disabled={connection === null || !canConnect}
        >
          Connect
        </button>
      </div>
    </Dialog>
  )
}
