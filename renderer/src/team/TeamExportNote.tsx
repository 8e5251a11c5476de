import { useCourseTeam, type CourseTeam } from './course-team'
import './team-course.css'

/** For the export dialog of a team course: what exporting does in the team, which depends on my role. */
export function TeamExportNote() {
  const team = useCourseTeam()
  if (team === null || team.course === null) return null
  if (team.course.state === 'published')
    return <p className="quiet team-export-note">This course is already published in the team.</p>
  return (
    <p className="quiet team-export-note">
      {team.me.role === 'lead'
        ? 'Exporting marks this course published in the team: the needs it answers move to Published, and everyone who asked for them is told.'
        : 'Only a lead publishes a team course: exporting here changes nothing in the team.'}
    </p>
  )
}

/**
 * After a lead's export of a team course: marks it published (its needs move to Published). Anyone else's export
 * changes nothing in the team. A failure is logged, not shown: the package is saved, which is what was asked.
 */
export function publishOnExport(team: CourseTeam | null): void {
  if (team === null || team.me.role !== 'lead' || team.course === null || team.course.state === 'published')
    return
  try {
    team.markPublished()
  } catch (thrown) {
    console.warn('[team] could not mark the exported course published', thrown)
  }
}
