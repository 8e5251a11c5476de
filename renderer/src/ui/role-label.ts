import type { Role, TeamRole } from '../../../shared/protocol/token'

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

/** A team role as the app names it to people: in the team join confirmation, the library and the team screen. */
export const teamRoleLabel = (role: TeamRole): string => {
  switch (role) {
    case 'member':
      return 'member'
    case 'expert':
      return 'expert'
    case 'lead':
      return 'lead (L&D)'
  }
}

/** What a team role lets its holder do, in one line for the team join confirmation. */
export const teamRoleDuties = (role: TeamRole): string => {
  switch (role) {
    case 'member':
      return 'declare needs, vote and discuss, and read the team’s published courses'
    case 'expert':
      return 'declare and claim needs, and write the team’s courses'
    case 'lead':
      return 'triage needs, write and review the team’s courses, and publish them'
  }
}
