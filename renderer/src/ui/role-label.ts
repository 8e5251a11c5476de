import type { Role } from '../../../shared/protocol/token'

/** A role as the app names it to people: in the join confirmation and the library. */
export const roleLabel = (role: Role): string => {
  switch (role) {
    case 'author':
      return 'author'
    case 'reviewer':
      return 'reviewer'
    case 'viewer':
      return 'viewer (read only)'
    case 'learner':
      return 'pilot learner'
  }
}
