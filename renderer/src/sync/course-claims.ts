import type { CourseId } from '../../../shared/course/types'
import { coversCourse } from '../../../shared/protocol/rooms'
import { teamCourseRole } from '../../../shared/protocol/team-access'
import { isTeamClaims, readAnyTokenClaims, type Role } from '../../../shared/protocol/token'

/** Who a shared course's relay link says the user is there, in the course's own terms. */
export interface CourseClaims {
  /** The relay's user id. */
  readonly sub: string
  /** The name the invite carries (the relay shows co-authors this one). */
  readonly name: string
  readonly role: Role
}

/**
 * What a relay link's token grants in one course, read without checking it (the relay enforces it): a course
 * invite's own claims, or a team invite's role as the team's courses take it (`teamCourseRole`: experts and leads
 * author, members read as learners). A member is let into a team course only once it is published, so a member
 * who has it open reads it as a published course's learner. Null for a token that grants nothing here.
 */
export function courseClaimsOf(token: string, courseId: CourseId): CourseClaims | null {
  const claims = readAnyTokenClaims(token)
  if (claims === null) return null
  if (isTeamClaims(claims)) {
    const role = teamCourseRole(claims.role, true)
    return role === null ? null : { sub: claims.sub, name: claims.name, role }
  }
  return coversCourse(claims.course, courseId)
    ? { sub: claims.sub, name: claims.name, role: claims.role }
    : null
}
