import { describe, expect, it } from 'vitest'
import type { CourseId, LessonId } from '../../../shared/course/types'
import { parseInvite } from '../../../shared/protocol/invite'
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

  it('reads an opened invite link as a join route that parseInvite accepts', () => {
    const token = 'aaa.bbb.ccc'
    const route = parseRoute(
      `#/join?relay=${encodeURIComponent('ws://127.0.0.1:9/')}&course=abcdefghijklmnop&token=${token}`,
    )
    expect(route.kind).toBe('join')
    if (route.kind !== 'join') return
    expect(parseRoute(routeHash(route))).toEqual(route)
    const invite = parseInvite(route.link)
    expect(invite.ok && invite.value).toEqual({
      relay: 'ws://127.0.0.1:9',
      courseId: 'abcdefghijklmnop',
      token,
    })
  })
})
