/**
 * What the needs board lists: filters, sort and search over the needs of a team snapshot. Merged needs are
 * hidden (they show under the need they were merged into, whose voters already count theirs).
 */
import { URGENCIES, type NeedSnapshot, type NeedStatus, type TeamPerson } from './types'

/**
 * `all-open`: every need not closed or archived. `mine`: the needs I declared; `voted`: those I said "me too" to;
 * `claimed-by-me`: those I claimed or was assigned (these three in any status). `{ audience }`: needs not closed
 * or archived whose audience is this one (compared without case or surrounding spaces).
 */
export type NeedFilter = 'all-open' | 'mine' | 'voted' | 'claimed-by-me' | { readonly audience: string }
/** `votes`: most first; `urgency`: now, this quarter, later, then the nearest due date; `newest`: declared last first. */
export type NeedSort = 'votes' | 'urgency' | 'newest'

export interface BoardQuery {
  readonly filter: NeedFilter
  readonly sort: NeedSort
  /** Words that must all appear (any case) in the title, outcome, audience or context; empty shows all. */
  readonly search: string
}

const FINISHED: ReadonlySet<NeedStatus> = new Set(['closed', 'archived'])

const sameAudience = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

const passes = (need: NeedSnapshot, filter: NeedFilter, me: TeamPerson): boolean => {
  if (typeof filter === 'object')
    return !FINISHED.has(need.status) && sameAudience(need.audience, filter.audience)
  switch (filter) {
    case 'all-open':
      return !FINISHED.has(need.status)
    case 'mine':
      return need.declaredBy.id === me.id
    case 'voted':
      return need.voters.some((voter) => voter.id === me.id)
    case 'claimed-by-me':
      return need.claims.some((claim) => claim.expert.id === me.id)
  }
}

const matches = (need: NeedSnapshot, words: readonly string[]): boolean => {
  if (words.length === 0) return true
  const haystack = [need.title, need.outcome, need.audience, need.context].join('\n').toLowerCase()
  return words.every((word) => haystack.includes(word))
}

const byId = (a: NeedSnapshot, b: NeedSnapshot): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const newestFirst = (a: NeedSnapshot, b: NeedSnapshot): number => b.declaredAt - a.declaredAt || byId(a, b)
const mostVotes = (a: NeedSnapshot, b: NeedSnapshot): number => b.voters.length - a.voters.length
/** Needs without a due date come after those with one. */
const nearestDue = (a: NeedSnapshot, b: NeedSnapshot): number =>
  a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1

const ORDERS: Readonly<Record<NeedSort, (a: NeedSnapshot, b: NeedSnapshot) => number>> = {
  votes: (a, b) => mostVotes(a, b) || newestFirst(a, b),
  urgency: (a, b) =>
    URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency) ||
    nearestDue(a, b) ||
    mostVotes(a, b) ||
    newestFirst(a, b),
  newest: newestFirst,
}

export const boardNeeds = (
  needs: readonly NeedSnapshot[],
  { filter, sort, search }: BoardQuery,
  me: TeamPerson,
): NeedSnapshot[] => {
  const words = search
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
  return needs
    .filter((need) => need.mergedInto === null && passes(need, filter, me) && matches(need, words))
    .sort(ORDERS[sort])
}

/** The audiences named on the board (merged needs aside), each once, for the audience filter; in name order. */
export const boardAudiences = (needs: readonly NeedSnapshot[]): string[] => {
  const byKey = new Map<string, string>()
  for (const need of needs) {
    const audience = need.audience.trim()
    const key = audience.toLowerCase()
    if (need.mergedInto === null && audience !== '' && !byKey.has(key)) byKey.set(key, audience)
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b))
}
