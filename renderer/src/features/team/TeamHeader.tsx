import { LIBRARY_ROUTE, routeHash } from '../../navigation/route'
import type { TeamSession } from '../../team/team-session'
import { teamRoleLabel } from '../../ui/role-label'
import { RenameTeamButton } from './RenameTeamButton'
import { TeamConnectionStatus } from './TeamConnectionStatus'

interface TeamHeaderProps {
  /** Null while the team space opens: the header then names the team by its id. */
  readonly session: TeamSession | null
  readonly fallbackName: string
}

/** The team's name, who I am in it, and how it stands with the relay. */
export function TeamHeader({ session, fallbackName }: TeamHeaderProps) {
  return (
    <header className="team-header">
      <div className="team-header-main">
        <a className="back-link" href={routeHash(LIBRARY_ROUTE)}>
          <span aria-hidden="true">← </span>Library
        </a>
        <h1 className="team-title">{session?.snapshot.name ?? fallbackName}</h1>
        {session && (
          <p className="team-me">
            You are {session.me.name}, {teamRoleLabel(session.me.role)}
          </p>
        )}
        {session && <TeamConnectionStatus status={session.connection} />}
      </div>
      <div className="team-header-actions">
        {session && <RenameTeamButton session={session} />}
        <a className="button" href={routeHash({ kind: 'for-me' })}>
          For me
        </a>
      </div>
    </header>
  )
}
