import type { CourseId } from '../course/types'
import { ANY_COURSE, type Role } from './token'

/**
 * Room names. A course's content lives in the room named by its course id; its review comments in
 * `<courseId>/review`. Course ids are letters, digits, `_` and `-`, so room names need no URL encoding.
 */
export type RoomKind = 'content' | 'review'

export interface RoomRef {
  readonly courseId: CourseId
  readonly kind: RoomKind
}

const REVIEW_SUFFIX = '/review'
const COURSE_ID = /^[A-Za-z0-9_-]{1,64}$/

export const isCourseId = (value: string): value is CourseId => COURSE_ID.test(value)

export const roomName = ({ courseId, kind }: RoomRef): string => {
  switch (kind) {
    case 'content':
      return courseId
    case 'review':
      return courseId + REVIEW_SUFFIX
  }
}

export const parseRoomName = (name: string): RoomRef | null => {
  const kind: RoomKind = name.endsWith(REVIEW_SUFFIX) ? 'review' : 'content'
  const courseId = kind === 'review' ? name.slice(0, -REVIEW_SUFFIX.length) : name
  return isCourseId(courseId) ? { courseId, kind } : null
}

/** Whether a token's `course` claim grants access to a course at all. */
export const coversCourse = (courseClaim: string, courseId: CourseId): boolean =>
  courseClaim === ANY_COURSE || courseClaim === courseId

/**
 * Whether a role may change a room's document. Everyone with access may read and show presence.
 * Content: authors only. Review (comments): authors and reviewers.
 */
export const canWrite = (role: Role, kind: RoomKind): boolean => {
  switch (role) {
    case 'author':
      return true
    case 'reviewer':
      return kind === 'review'
    case 'viewer':
      return false
  }
}
