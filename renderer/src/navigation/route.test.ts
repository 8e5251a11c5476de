import { describe, expect, it } from 'vitest'
import type { CourseId, LessonId } from '../../../shared/course/types'
import { parseRoute, routeHash, type Route } from './route'

const course = 'c 1/ü' as CourseId
const lesson = 'l-2' as LessonId

describe('hash routes', () => {
  it('round-trips every route, including ids that need escaping', () => {
    const routes: Route[] = [
      { kind: 'library' },
      { kind: 'course', courseId: course, lessonId: null },
      { kind: 'course', courseId: course, lessonId: lesson },
    ]
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route)
  })

  it('treats empty, unknown and malformed hashes as the library', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/course/', '#/course/%E0%A4%A']) {
      expect(parseRoute(hash)).toEqual({ kind: 'library' })
    }
  })

  it('ignores a lesson part without an id', () => {
    expect(parseRoute('#/course/abc/lesson/')).toEqual({ kind: 'course', courseId: 'abc', lessonId: null })
  })

  it('reads an invite link that was not taken out of the address as the library, never as a join', () => {
    expect(
      parseRoute('#/join?relay=ws%3A%2F%2F127.0.0.1%3A9&course=abcdefghijklmnop&token=aaa.bbb.ccc'),
    ).toEqual({
      kind: 'library',
    })
  })
})
