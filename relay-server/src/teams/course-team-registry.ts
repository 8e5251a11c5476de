import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { CourseId } from '../../../shared/course/types'
import type { TeamId } from '../../../shared/team/types'

/**
 * Which team each team course belongs to (issue 12): in `<data>/teams.sqlite` (here) or in PostgreSQL
 * (postgres/course-team-registry.ts), which every relay instance shares. A course is registered to a team the
 * first time an expert or lead of that team opens it while the relay holds nothing of it (see access.ts), and
 * never moves: that is what keeps another team's tokens out of it. Each method rejects on failure.
 */
export interface CourseTeamRegistry {
  /**
   * Registers the course to the team unless it already belongs to one; resolves to the team it belongs to now.
   * Atomic: of several claims at once, across relays, exactly one team wins and every caller reads that team.
   */
  claim(courseId: CourseId, teamId: TeamId): Promise<TeamId>
  /** The team the course belongs to; null for a course no team registered. */
  teamOf(courseId: CourseId): Promise<TeamId | null>
  /** Closes what the registry opened itself (a PostgreSQL one shares its caller's pool, which the caller ends). */
  close(): void
}

/**
 * Its own file, like tokens.sqlite, rather than a table in the documents' database, whose schema and checkpoints
 * belong to the rooms' store. Only the relay writes it, from its one thread, so a claim never waits on a lock.
 */
export const COURSE_TEAMS_FILE = 'teams.sqlite'
/** Bumped when the table layout changes; a relay refuses a file written by a newer one. */
const SCHEMA_VERSION = 1

/** Opens (or creates) `<dataDir>/teams.sqlite`; throws with a message fit for an operator when it cannot. */
export const openSqliteCourseTeamRegistry = (dataDir: string): CourseTeamRegistry => {
  const file = join(dataDir, COURSE_TEAMS_FILE)
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION)
      throw new Error(
        `${file} was written by a newer relay (schema ${version}, this one knows ${SCHEMA_VERSION}); update the relay`,
      )
    if (version < SCHEMA_VERSION) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS course_teams (
          course TEXT PRIMARY KEY,
          team TEXT NOT NULL,
          registered_at INTEGER NOT NULL
        );
      `)
      db.pragma(`user_version = ${SCHEMA_VERSION}`)
    }
  } catch (error) {
    db.close()
    throw error
  }

  const insert = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO course_teams (course, team, registered_at) VALUES (?, ?, ?)',
  )
  const select = db.prepare<[string], { team: string }>('SELECT team FROM course_teams WHERE course = ?')
  const teamOf = (courseId: CourseId): TeamId | null =>
    (select.get(courseId)?.team as TeamId | undefined) ?? null
  // One synchronous transaction: nothing else runs between the insert and the read.
  const claim = db.transaction((courseId: CourseId, teamId: TeamId): TeamId => {
    insert.run(courseId, teamId, Math.floor(Date.now() / 1000))
    const owner = teamOf(courseId)
    if (owner === null) throw new Error(`${file}: the claim on ${courseId} was not recorded`)
    return owner
  })

  return {
    claim: async (courseId, teamId) => claim(courseId, teamId),
    teamOf: async (courseId) => teamOf(courseId),
    close: () => db.close(),
  }
}
