import { routeHash } from '../navigation/route'
import { useCourseTeam } from './course-team'
import './team-course.css'

/** For a team course's header: the need it answers, linking to it on the team's board. */
export function AnswersNeed() {
  const team = useCourseTeam()
  const need = team?.need
  if (team === null || need === undefined || need === null) return null
  return (
    <a
      className="answers-need"
      href={routeHash({ kind: 'team', teamId: team.teamId, view: 'needs', needId: need.id })}
    >
      Answers need: {need.title}
    </a>
  )
}
