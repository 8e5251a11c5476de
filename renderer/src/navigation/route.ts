import type { CourseId, LessonId } from '../../../shared/course/types'

/**
 * Where the user is. Kept in the URL hash so a reload returns to the same course and lesson. Invite links
 * (`#/join?…`) are no route: they leave the address before routing (see invite-address.ts).
 */
export type Route =
  | { readonly kind: 'library' }
  | { readonly kind: 'course'; readonly courseId: CourseId; readonly lessonId: LessonId | null }

export const LIBRARY_ROUTE: Route = { kind: 'library' }

const decode = (part: string): string | null => {
  try {
    const value = decodeURIComponent(part)
    return value === '' ? null : value
  } catch {
    return null
  }
}

/** Reads `#/`, `#/course/<id>` and `#/course/<id>/lesson/<id>`; anything else is the library. */
export const parseRoute = (hash: string): Route => {
  const path = hash.replace(/^#\/?/, '')
  const parts = path.split('/')
  if (parts[0] !== 'course' || parts[1] === undefined) return LIBRARY_ROUTE
  const courseId = decode(parts[1])
  if (courseId === null) return LIBRARY_ROUTE
  const lessonId = parts[2] === 'lesson' && parts[3] !== undefined ? decode(parts[3]) : null
  return { kind: 'course', courseId: courseId as CourseId, lessonId: lessonId as LessonId | null }
}

export const routeHash = (route: Route): string => {
  switch (route.kind) {
    case 'library':
      return '#/'
    case 'course': {
      const course = `#/course/${encodeURIComponent(route.courseId)}`
      return route.lessonId === null ? course : `${course}/lesson/${encodeURIComponent(route.lessonId)}`
    }
  }
}
