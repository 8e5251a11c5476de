import type { NeedSnapshot } from '../../../../shared/team/types'
import { statusLabel, urgencyLabel } from './need-labels'

/** Status (as text), urgency, audience and due date: the line under a need's title on the board and in its detail. */
export function NeedFacts({ need }: { readonly need: NeedSnapshot }) {
  return (
    <p className="need-facts">
      <span className={`need-status need-status-${need.status}`}>{statusLabel(need.status)}</span>
      <span>Urgency: {urgencyLabel(need.urgency)}</span>
      {need.audience !== '' && <span>For: {need.audience}</span>}
      {need.due !== null && <span>Due {need.due}</span>}
    </p>
  )
}
