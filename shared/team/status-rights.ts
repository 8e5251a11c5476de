import type { TeamRole } from '../protocol/token'
import { NEED_STATUSES, type NeedStatus } from './types'

const EXPERT_MOVES: readonly NeedStatus[] = ['open', 'claimed', 'in-progress']
const DECLARER_MOVES: readonly NeedStatus[] = ['open', 'closed']

/**
 * The statuses someone may move a need to, the one statement of it that the commands, the relay's guard and the
 * board's controls all read: a lead any; an expert open, claimed and in progress; whoever declared the need
 * (whatever their role) may also reopen or close it. Roles add up: an expert is a member who also answers needs.
 */
export const statusesAllowed = (role: TeamRole, declaredByThem: boolean): ReadonlySet<NeedStatus> => {
  if (role === 'lead') return new Set(NEED_STATUSES)
  return new Set([...(role === 'expert' ? EXPERT_MOVES : []), ...(declaredByThem ? DECLARER_MOVES : [])])
}
