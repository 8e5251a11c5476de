import type { NeedStatus, Urgency } from '../../../../shared/team/types'

/** A need's status as the board says it: always as text, never only as a colour. */
export const statusLabel = (status: NeedStatus): string => {
  switch (status) {
    case 'open':
      return 'Open'
    case 'claimed':
      return 'Claimed'
    case 'in-progress':
      return 'In progress'
    case 'published':
      return 'Published'
    case 'closed':
      return 'Closed'
    case 'archived':
      return 'Archived'
  }
}

export const urgencyLabel = (urgency: Urgency): string => {
  switch (urgency) {
    case 'now':
      return 'Now'
    case 'quarter':
      return 'This quarter'
    case 'later':
      return 'Later'
  }
}

/** "Ana", "Ana and Bo", "Ana, Bo and Cy": names in a sentence. */
export const listNames = (names: readonly string[]): string => {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
}

/** "1 vote", "3 votes". */
export const countOf = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`
