/**
 * Which controls of a need someone is offered, by their team role: the same rules the relay's guard enforces
 * (issue 12 plan), so nobody sees a button whose change the relay would refuse.
 */
import {
  NEED_STATUSES,
  type NeedSnapshot,
  type NeedStatus,
  type TeamActor,
} from '../../../../shared/team/types'
import { statusRank } from '../../../../shared/team/status'
import { statusesAllowed } from '../../../../shared/team/status-rights'

export interface NeedPermissions {
  /** Change the need's fields: its declarer or a lead. */
  readonly edit: boolean
  /** Claim it for themselves (and drop that claim): experts and leads. */
  readonly claim: boolean
  /** Assign an expert, take an assignment back, merge into another need, archive: leads. */
  readonly triage: boolean
  /** "Answer with a course": experts and leads. */
  readonly answer: boolean
  /** The statuses they may move the need to from where it is, in the order a need lives through them. */
  readonly statusMoves: readonly NeedStatus[]
}

export const needPermissions = (me: TeamActor, need: NeedSnapshot): NeedPermissions => {
  const declarer = need.declaredBy.id === me.id
  const lead = me.role === 'lead'
  const allowed = statusesAllowed(me.role, declarer)
  return {
    edit: declarer || lead,
    claim: me.role !== 'member',
    triage: lead,
    answer: me.role !== 'member',
    statusMoves: NEED_STATUSES.filter((status) => status !== need.status && allowed.has(status)),
  }
}

/**
 * A move to a status earlier in a need's life (Archived counts as last): deliberate, so the board asks first,
 * and it wins over moves forward made at the same time elsewhere (shared/team/status.ts).
 */
export const isMoveBack = (from: NeedStatus, to: NeedStatus): boolean => statusRank(to) < statusRank(from)
