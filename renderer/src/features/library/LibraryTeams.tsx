import { routeHash, teamRoute } from '../../navigation/route'
import type { ChorusDb } from '../../storage/db'
import { useTeams } from '../../team/use-teams'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { teamRoleLabel } from '../../ui/role-label'
import './library-teams.css'

interface LibraryTeamsProps {
  readonly db: ChorusDb
}

/** The teams joined on this device, each with my role and a link to its needs board; nothing before a first join. */
export function LibraryTeams({ db }: LibraryTeamsProps) {
  const teams = useTeams(db)
  if (teams.status === 'failed') return <ErrorNotice error={teams.error} />
  if (teams.status === 'loading' || teams.teams.length === 0) return null
  return (
    <section aria-labelledby="library-teams-title">
      <h2 id="library-teams-title" className="library-section-title">
        Teams
      </h2>
      <ul className="team-list" aria-label="Teams">
        {teams.teams.map((team) => (
          <li key={team.id} className="team-card">
            <a className="course-card-link" href={routeHash(teamRoute(team.id))}>
              {team.name}
            </a>
            <p className="team-card-meta">
              {team.me === null
                ? 'This team’s invite cannot be read: open it again to join anew.'
                : `You are ${team.me.name}, ${teamRoleLabel(team.me.role)}`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
