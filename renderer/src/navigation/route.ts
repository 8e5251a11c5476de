import type { CourseId, LessonId } from '../../../shared/course/types'
import type { ThreadId } from '../../../shared/review/types'
import { isTeamId } from '../../../shared/protocol/rooms'
import type { NeedId, TeamId } from '../../../shared/team/types'

/** A team screen's views (its tabs): the needs board and the team catalog. */
export type TeamView = 'needs' | 'catalog'

/**
 * Where the user is. Kept in the URL hash so a reload returns to the same course and lesson, the same team tab
 * and need. Invite links (`#/join?…`) are no route: they leave the address before routing (see invite-address.ts).
 */
export type Route =
  | { readonly kind: 'library' }
  | {
      readonly kind: 'course'
      readonly courseId: CourseId
      readonly lessonId: LessonId | null
      /** A comment thread the address names (For me links to one): the course opens with it in view. */
      readonly threadId?: ThreadId
    }
  /** A team's needs board (with one need open, or none) or its catalog. */
  | { readonly kind: 'team'; readonly teamId: TeamId; readonly view: 'needs'; readonly needId: NeedId | null }
  | { readonly kind: 'team'; readonly teamId: TeamId; readonly view: 'catalog' }
  /** For me: one inbox across teams and shared courses. */
  | { readonly kind: 'for-me' }

export const LIBRARY_ROUTE: Route = { kind: 'library' }

/** A team's board, with no need open. */
export const teamRoute = (teamId: TeamId): Route => ({ kind: 'team', teamId, view: 'needs', needId: null })

const decode = (part: string): string | null => {
  try {
    const value = decodeURIComponent(part)
    return value === '' ? null : value
  } catch {
    return null
  }
}

const parseCourse = (parts: readonly string[]): Route => {
  const courseId = parts[1] === undefined ? null : decode(parts[1])
  if (courseId === null) return LIBRARY_ROUTE
  const lessonId = parts[2] === 'lesson' && parts[3] !== undefined ? decode(parts[3]) : null
  const threadId =
    lessonId !== null && parts[4] === 'thread' && parts[5] !== undefined ? decode(parts[5]) : null
  const route = {
    kind: 'course',
    courseId: courseId as CourseId,
    lessonId: lessonId as LessonId | null,
  } as const
  return threadId === null ? route : { ...route, threadId: threadId as ThreadId }
}

const parseTeam = (parts: readonly string[]): Route => {
  const teamId = parts[1] === undefined ? null : decode(parts[1])
  if (teamId === null || !isTeamId(teamId)) return LIBRARY_ROUTE
  if (parts[2] === 'catalog') return { kind: 'team', teamId, view: 'catalog' }
  const needId = parts[2] === 'need' && parts[3] !== undefined ? decode(parts[3]) : null
  return { kind: 'team', teamId, view: 'needs', needId: needId as NeedId | null }
}

/**
 * Reads `#/`, `#/course/<id>`, `#/course/<id>/lesson/<id>` (and `…/thread/<id>` after it), `#/team/<id>`, `#/team/<id>/need/<id>`,
 * `#/team/<id>/catalog` and `#/for-me`; anything else is the library.
 */
export const parseRoute = (hash: string): Route => {
  const parts = hash.replace(/^#\/?/, '').split('/')
  switch (parts[0]) {
    case 'course':
      return parseCourse(parts)
    case 'team':
      return parseTeam(parts)
    case 'for-me':
      return parts.length === 1 ? { kind: 'for-me' } : LIBRARY_ROUTE
    default:
      return LIBRARY_ROUTE
  }
}

export const routeHash = (route: Route): string => {
  switch (route.kind) {
    case 'library':
      return '#/'
    case 'course': {
      const course = `#/course/${encodeURIComponent(route.courseId)}`
      if (route.lessonId === null) return course
      const lesson = `${course}/lesson/${encodeURIComponent(route.lessonId)}`
      return route.threadId === undefined ? lesson : `${lesson}/thread/${encodeURIComponent(route.threadId)}`
    }
    case 'team': {
      const team = `#/team/${encodeURIComponent(route.teamId)}`
      if (route.view === 'catalog') return `${team}/catalog`
      return route.needId === null ? team : `${team}/need/${encodeURIComponent(route.needId)}`
    }
    case 'for-me':
      return '#/for-me'
  }
}
