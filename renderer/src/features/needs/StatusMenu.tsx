import { useId, useState } from 'react'
import type { NeedSnapshot, NeedStatus, TeamPerson } from '../../../../shared/team/types'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { isMoveBack } from './need-permissions'
import { statusLabel } from './need-labels'
import { When } from './When'

interface StatusMenuProps {
  readonly need: NeedSnapshot
  readonly me: TeamPerson
  /** The statuses I may move it to (need-permissions.ts); Archive has its own button among the lead's actions. */
  readonly moves: readonly NeedStatus[]
  readonly now: number
  readonly onMove: (status: NeedStatus) => void
}

/**
 * The need's status, who set it and when, and the moves I may make. A move back asks first: it is deliberate and
 * wins over anyone moving the need forward at the same time.
 */
export function StatusMenu({ need, me, moves, now, onMove }: StatusMenuProps) {
  const [back, setBack] = useState<NeedStatus | null>(null)
  const titleId = useId()
  const offered = moves.filter((status) => status !== 'archived')
  const by = need.statusBy === null ? null : need.statusBy.id === me.id ? 'you' : need.statusBy.name

  return (
    <section className="need-section" aria-labelledby={titleId}>
      <h4 id={titleId}>Status</h4>
      <p className="need-status-line">
        <strong>{statusLabel(need.status)}</strong>
        {by !== null && need.statusAt !== null && (
          <span className="quiet">
            {' '}
            · set by {by} <When at={need.statusAt} now={now} />
          </span>
        )}
      </p>
      {offered.length > 0 && (
        <div className="need-actions" role="group" aria-label="Change status">
          {offered.map((status) => (
            <button
              key={status}
              type="button"
              className="button"
              onClick={() => (isMoveBack(need.status, status) ? setBack(status) : onMove(status))}
            >
              {isMoveBack(need.status, status) ? 'Move back to' : 'Move to'} {statusLabel(status)}
            </button>
          ))}
        </div>
      )}
      {back !== null && (
        <ConfirmDialog
          title={`Move “${need.title}” back to ${statusLabel(back)}?`}
          message={`It is ${statusLabel(need.status)} now. Moving it back is deliberate: it wins over anyone moving it forward at the same time, and everyone on the team sees it.`}
          confirmLabel={`Move back to ${statusLabel(back)}`}
          onConfirm={() => (setBack(null), onMove(back))}
          onCancel={() => setBack(null)}
        />
      )}
    </section>
  )
}
