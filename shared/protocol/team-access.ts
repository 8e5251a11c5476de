import type { Role, TeamRole } from './token'

/**
 * What a team invite lets its holder do in one of the team's courses, as the course's own roles say it; null when
 * it opens nothing there. Experts and leads write the course (leads also review, which authors may); members read
 * a course once it is published, as learners do (and so may give feedback on it), and nothing before.
 * The relay decides with this at the upgrade; the app shows the same controls.
 */
export const teamCourseRole = (role: TeamRole, published: boolean): Role | null => {
  switch (role) {
    case 'expert':
    case 'lead':
      return 'author'
    case 'member':
      return published ? 'learner' : null
  }
}
