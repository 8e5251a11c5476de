import type { CourseId, LessonId } from '../../../shared/course/types'

/** Where the user is. Kept in the URL hash so a reload returns to the same course and lesson. */
export type Route =
  | { readonly kind: 'library' }
  | { readonly kind: 'course'; readonly courseId: CourseId; readonly lessonId: LessonId | null }
  /** An opened invite link; `link` is the whole link, which `parseInvite` reads. */
  | { readonly kind: 'join'; readonly link: string }

export const LIBRARY_ROUTE: Route = { kind: 'library' }

const decode = (part: string): string | null => {
  try {
    const value = decodeURIComponent(part)
    return value === '' ? null : value
  } catch {
    return null
  }
}

const JOIN_PREFIX = 'join?'

/** Reads `#/`, `#/course/<id>`, `#/course/<id>/lesson/<id>` and `#/join?…`; anything else is the library. */
export const parseRoute = (hash: string): Route => {
  const path = hash.replace(/^#\/?/, '')
  // parseInvite reads the web form of a link, so hand it one with any origin in front of the fragment.
  if (path.startsWith(JOIN_PREFIX)) return { kind: 'join', link: `https://chorus.invalid/#/${path}` }
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
    case 'join':
      return route.link.slice(route.link.indexOf('#'))
  }
}
