import type { CourseId } from '../../../shared/course/types'
import type { TeamId } from '../../../shared/team/types'
import type { CourseTeamRegistry } from '../teams/course-team-registry'
import { withSchemaLock, type Postgres } from './connect'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS chorus_course_teams (
    course text PRIMARY KEY,
    team text NOT NULL,
    registered_at bigint NOT NULL
  );
`

/**
 * The course→team registry in PostgreSQL, shared by every relay instance (`--postgres URL`). Creates its table if
 * needed; the pool stays the caller's to end.
 */
export const openPostgresCourseTeamRegistry = async (pool: Postgres): Promise<CourseTeamRegistry> => {
  await withSchemaLock(pool, SCHEMA)

  const teamOf = async (courseId: CourseId): Promise<TeamId | null> => {
    const { rows } = await pool.query<{ team: string }>(
      'SELECT team FROM chorus_course_teams WHERE course = $1',
      [courseId],
    )
    return (rows[0]?.team as TeamId | undefined) ?? null
  }

  return {
    async claim(courseId, teamId) {
      // The primary key settles a race: of concurrent inserts one commits, the others do nothing and read it.
      await pool.query(
        'INSERT INTO chorus_course_teams (course, team, registered_at) VALUES ($1, $2, $3) ON CONFLICT (course) DO NOTHING',
        [courseId, teamId, Math.floor(Date.now() / 1000)],
      )
      const owner = await teamOf(courseId)
      if (owner === null) throw new Error(`the claim on ${courseId} was not recorded in chorus_course_teams`)
      return owner
    },
    teamOf,
    close() {
      // Nothing of its own to close: the pool belongs to whoever opened it.
    },
  }
}
