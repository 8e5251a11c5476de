import type { CourseId } from '../course/types'
import type { TeamId } from '../team/types'
import { ANY_COURSE, type Role } from './token'

/**
 * Room names. A course's content lives in the room named by its course id; its review comments in
 * `<courseId>/review`, its saved versions in `<courseId>/history` and pilot learners' feedback in
 * `<courseId>/feedback`. Course ids are letters, digits, `_` and `-`, so room names need no URL encoding.
 */
export const ROOM_KINDS = ['content', 'review', 'history', 'feedback'] as const
export type RoomKind = (typeof ROOM_KINDS)[number]

export interface RoomRef {
  readonly courseId: CourseId
  readonly kind: RoomKind
}

const COURSE_ID = /^[A-Za-z0-9_-]{1,64}$/

export const isCourseId = (value: string): value is CourseId => COURSE_ID.test(value)

export const roomName = ({ courseId, kind }: RoomRef): string =>
  kind === 'content' ? courseId : `${courseId}/${kind}`

const isSubRoomKind = (value: string): value is Exclude<RoomKind, 'content'> =>
  value !== 'content' && (ROOM_KINDS as readonly string[]).includes(value)

export const parseRoomName = (name: string): RoomRef | null => {
  const slash = name.indexOf('/')
  if (slash < 0) return isCourseId(name) ? { courseId: name, kind: 'content' } : null
  const courseId = name.slice(0, slash)
  const kind = name.slice(slash + 1)
  return isCourseId(courseId) && isSubRoomKind(kind) ? { courseId, kind } : null
}

/**
 * A team's space (issue 12) lives in the room `team:<teamId>`. Team ids are spelled like course ids, and course ids
 * never hold a `:`, so no team room is ever taken for a course room or the other way round.
 */
export const TEAM_ROOM_PREFIX = 'team:'

export interface TeamRoomRef {
  readonly teamId: TeamId
  readonly kind: 'team'
}

export const isTeamId = (value: string): value is TeamId => COURSE_ID.test(value)

export const teamRoomName = (teamId: TeamId): string => TEAM_ROOM_PREFIX + teamId

/** A course's room or a team's space; null for any other name. */
export const parseAnyRoomName = (name: string): RoomRef | TeamRoomRef | null => {
  if (!name.startsWith(TEAM_ROOM_PREFIX)) return parseRoomName(name)
  const teamId = name.slice(TEAM_ROOM_PREFIX.length)
  return isTeamId(teamId) ? { teamId, kind: 'team' } : null
}

/** Whether a token's `course` claim grants access to a course at all. */
export const coversCourse = (courseClaim: string, courseId: CourseId): boolean =>
  courseClaim === ANY_COURSE || courseClaim === courseId

/**
 * Whether a role may connect to a room at all (read it and show presence there). Pilot learners see only the
 * course as learners do and the feedback room; the review comments and saved versions are the authors' workshop.
 */
export const canRead = (role: Role, kind: RoomKind): boolean =>
  role !== 'learner' || kind === 'content' || kind === 'feedback'

/**
 * Whether a role may change a room's document. Content and versions: authors only. Review (comments): authors
 * and reviewers. Feedback: learners only, each only their own entries (checked per update by the relay).
 */
export const canWrite = (role: Role, kind: RoomKind): boolean => {
  switch (role) {
    case 'author':
      return kind !== 'feedback'
    case 'reviewer':
      return kind === 'review'
    case 'viewer':
      return false
    case 'learner':
      return kind === 'feedback'
  }
}
