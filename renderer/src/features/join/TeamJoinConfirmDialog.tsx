import type { TeamInvite } from '../../../../shared/protocol/invite'
import type { TeamId } from '../../../../shared/team/types'
import type { ChorusDb } from '../../storage/db'
import { teamActorOf } from '../../team/team-actor'
import { teamRoleDuties, teamRoleLabel } from '../../ui/role-label'
import { joinTeam } from './join-team'
import { JoinConfirmFrame } from './JoinConfirmFrame'
import { readTeamJoinPlan, type TeamJoinPlan } from './team-join-plan'
import { useJoinFlow } from './use-join-flow'

interface TeamJoinConfirmDialogProps {
  readonly db: ChorusDb
  readonly invite: TeamInvite
  readonly onJoined: (teamId: TeamId) => void
  /** Cancel, Escape: nothing was saved or sent. */
  readonly onCancel: () => void
}

/** What connecting would do, in one sentence: read out as the dialog's description. */
const consequence = ({ team, relay }: TeamJoinPlan): string => {
  switch (team.kind) {
    case 'new':
      return `You join a team space on ${relay.host}: its needs board and its courses. Connecting downloads it and sends it the needs, votes and posts you write.`
    case 'same-relay':
      return `You are already in “${team.name}” through this relay. Connecting replaces your access with this invite’s.`
    case 'other-relay':
      return `You are in “${team.name}” through another relay, ${team.currentHost}. Connecting moves the team and its courses on this device to this relay.`
  }
}

const NOT_FOR_THIS_TEAM =
  'The access in this invite is not for this team, so the relay would refuse it. Ask your team’s lead for a new invite.'

/**
 * The team's counterpart of the course join confirmation: the relay's host, the team, the role the invite grants
 * and what connecting changes (see JoinConfirmFrame).
 */
export function TeamJoinConfirmDialog({ db, invite, onJoined, onCancel }: TeamJoinConfirmDialogProps) {
  // Read, not checked (only the relay can): it says what the invite offers, the relay decides.
  const me = teamActorOf(invite.token, invite.teamId)
  const { plan, failure, joining, connect } = useJoinFlow(
    db,
    invite,
    readTeamJoinPlan,
    joinTeam,
    onJoined,
    me !== null,
  )
  const team = plan?.team
  return (
    <JoinConfirmFrame
      connection={plan}
      consequence={plan ? consequence(plan) : undefined}
      reading="the team"
      carried="the team space"
      facts={
        <>
          <dt>Team</dt>
          <dd>
            {team && team.kind !== 'new' && team.name !== invite.teamId && <strong>{team.name}</strong>}
            <code>{invite.teamId}</code>
          </dd>
          {me !== null && (
            <>
              <dt>You join as</dt>
              <dd>
                {teamRoleLabel(me.role)}: you {teamRoleDuties(me.role)}
              </dd>
              <dt>Your name in the team</dt>
              <dd>{me.name}</dd>
            </>
          )}
        </>
      }
      problem={failure ?? (me === null ? NOT_FOR_THIS_TEAM : null)}
      canConnect={me !== null && !joining}
      onConnect={connect}
      onCancel={onCancel}
    />
  )
}
