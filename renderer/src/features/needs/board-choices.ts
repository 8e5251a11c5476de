/**
 * The board's "Show" and "Sort by" choices as the select boxes carry them (strings), and back to the model's
 * filter and sort (shared/team/board.ts).
 */
import type { NeedFilter, NeedSort } from '../../../../shared/team/board'

const AUDIENCE = 'audience:'

export const FIXED_FILTERS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'all-open', label: 'Open needs' },
  { value: 'mine', label: 'Mine' },
  { value: 'voted', label: 'I voted' },
  { value: 'claimed-by-me', label: 'Claimed by me' },
]

export const SORTS: readonly { readonly value: NeedSort; readonly label: string }[] = [
  { value: 'votes', label: 'Most votes' },
  { value: 'urgency', label: 'Most urgent' },
  { value: 'newest', label: 'Newest' },
]

export const filterValue = (filter: NeedFilter): string =>
  typeof filter === 'string' ? filter : `${AUDIENCE}${filter.audience}`

export const filterOf = (value: string): NeedFilter => {
  if (value.startsWith(AUDIENCE)) return { audience: value.slice(AUDIENCE.length) }
  switch (value) {
    case 'mine':
    case 'voted':
    case 'claimed-by-me':
      return value
    default:
      return 'all-open'
  }
}

export const sortOf = (value: string): NeedSort =>
  SORTS.find((sort) => sort.value === value)?.value ?? 'votes'
