import { isTeamClaims, readAnyTokenClaims } from '../../../shared/protocol/token'
import type { TeamActor, TeamId } from '../../../shared/team/types'

/**
 * Who the holder of a team token is in the team: its user id, the name it carries (the relay checks that every
 * entry names its writer exactly so) and its team role. Null for a token that is not a team token for this team:
 * the relay would refuse everything it wrote.
 */
export function teamActorOf(token: string, teamId: TeamId): TeamActor | null {
  const claims = readAnyTokenClaims(token)
  if (claims === null || !isTeamClaims(claims) || claims.team !== teamId) return null
  return { id: claims.sub, name: claims.name, role: claims.role }
}
