/**
 * The status rule of a need. Statuses are append-only entries `["status", needId, epoch, status]`, never
 * overwritten, so two people moving a need at once both leave their entry and every device decides alike:
 *
 * - the highest epoch wins; within it, the highest rank (`NEED_STATUSES` order) wins, so concurrent moves forward
 *   never make a need go backwards;
 * - a deliberate move back to an earlier status is written one epoch above the current one, so it wins over every
 *   move it saw; a concurrent move forward made in the old epoch loses to it, as the person moving back meant;
 * - no entries: `open`.
 */
import { NEED_STATUSES, type NeedStatus, type TeamPerson } from './types'

export interface StatusEntry {
  readonly epoch: number
  readonly status: NeedStatus
  readonly by: TeamPerson
  readonly at: number
}

/** The entry that decides, or null when there is none (the need is still `open` as declared). */
export type StatusDecision = StatusEntry | null

export const statusRank = (status: NeedStatus): number => NEED_STATUSES.indexOf(status)

/** Whether `a` decides over `b` by the rule above. */
const outranks = (a: StatusEntry, b: StatusEntry): boolean =>
  a.epoch !== b.epoch ? a.epoch > b.epoch : statusRank(a.status) > statusRank(b.status)

export const decideStatus = (entries: Iterable<StatusEntry>): StatusDecision => {
  let best: StatusEntry | null = null
  for (const entry of entries) if (best === null || outranks(entry, best)) best = entry
  return best
}

export const statusOfDecision = (decision: StatusDecision): NeedStatus => decision?.status ?? 'open'

/**
 * Where a move to `status` is written, given the entry deciding now; null when the need already has that status
 * (nothing to write). A move forward stays in the current epoch; a move back opens the next one.
 */
export const statusMove = (
  decision: StatusDecision,
  status: NeedStatus,
): { readonly epoch: number; readonly status: NeedStatus } | null => {
  const current = statusOfDecision(decision)
  if (current === status) return null
  const epoch = decision?.epoch ?? 0
  return statusRank(status) > statusRank(current) ? { epoch, status } : { epoch: epoch + 1, status }
}

/** The move to `status` only if it is a move forward (claiming, linking, publishing); null otherwise. */
export const forwardMove = (
  decision: StatusDecision,
  status: NeedStatus,
): { readonly epoch: number; readonly status: NeedStatus } | null =>
  statusRank(status) > statusRank(statusOfDecision(decision)) ? statusMove(decision, status) : null
