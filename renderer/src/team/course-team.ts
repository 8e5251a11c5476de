import { createContext, useContext } from 'react'
import type { CourseProgress, NeedSnapshot, TeamActor, TeamCourse, TeamId } from '../../../shared/team/types'

/**
 * What an open course knows of the team it belongs to (a course whose relay link carries a team invite): who I am
 * in the team, the course's catalog entry and the need it answers, and the two things the course view does to
 * the team space — report the course's progress while I write, and (leads) mark it published on export.
 */
export interface CourseTeam {
  readonly teamId: TeamId
  readonly me: TeamActor
  /** The course's entry in the team catalog; null while the team space has none for it (not yet synced). */
  readonly course: TeamCourse | null
  /** The need the course answers; null if none (or not yet synced). */
  readonly need: NeedSnapshot | null
  /** Leads: marks the course published, which moves its needs to Published. Throws a RangeError for others. */
  markPublished(): void
  /** Experts and leads: the course's live progress, written to the team space (nothing when unchanged). */
  reportProgress(progress: CourseProgress): void
}

/** Null for a course that belongs to no team joined here, and while the team space opens. */
export const CourseTeamContext = createContext<CourseTeam | null>(null)

export const useCourseTeam = (): CourseTeam | null => useContext(CourseTeamContext)
