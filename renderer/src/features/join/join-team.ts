import type { TeamInvite } from '../../../../shared/protocol/invite'
import type { TeamId } from '../../../../shared/team/types'
import type { ChorusDb } from '../../storage/db'
import { saveJoinedTeam } from '../../team/joined-teams'
import { relinkTeamCourses } from '../../team/team-course-links'

/**
 * Remembers a team and how to reach it; its space downloads once the team screen opens. Joining a team already
 * here only replaces its relay and token, for its courses on this device too. Called only once the user confirmed the join (TeamJoinConfirmDialog).
 */
export async function joinTeam(db: ChorusDb, invite: TeamInvite): Promise<TeamId> {
  const team = { id: invite.teamId, relayUrl: invite.relay, token: invite.token }
  await saveJoinedTeam(db, team)
  await relinkTeamCourses(db, team)
  return invite.teamId
}
