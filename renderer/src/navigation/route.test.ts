import { describe, expect, it } from 'vitest'
import type { CourseId, LessonId } from '../../../shared/course/types'
import type { ThreadId } from '../../../shared/review/types'
import type { NeedId, TeamId } from '../../../shared/team/types'
import { parseRoute, routeHash, type Route } from './route'

const course = 'c 1/ü' as CourseId
const lesson = 'l-2' as LessonId
const team = 'sales-team' as TeamId
const need = 'n 1/é' as NeedId

describe('hash routes', () => {
  it('round-trips every route, including ids that need escaping', () => {
    const routes: Route[] = [
      { kind: 'library' },
      { kind: 'course', courseId: course, lessonId: null },
      { kind: 'course', courseId: course, lessonId: lesson },
      { kind: 'course', courseId: course, lessonId: lesson, threadId: 't 3/ß' as ThreadId },
      { kind: 'team', teamId: team, view: 'needs', needId: null },
      { kind: 'team', teamId: team, view: 'needs', needId: need },
      { kind: 'team', teamId: team, view: 'catalog' },
      { kind: 'for-me' },
    ]
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route)
  })

  it('treats empty, unknown and malformed hashes as the library', () => {
    const malformed = [
      '#/course/',
      '#/course/%E0%A4%A',
      '#/team/',
      '#/team/a:b',
      '#/team/%E0%A4%A',
      '#/for-me/x',
    ]
    for (const hash of ['', '#', '#/', '#/nowhere', ...malformed]) {
      expect(parseRoute(hash)).toEqual({ kind: 'library' })
    }
  })

  it('reads a team link as its board, and a need part without an id as no need open', () => {
    expect(parseRoute('#/team/sales-team')).toEqual({
      kind: 'team',
      teamId: team,
      view: 'needs',
      needId: null,
    })
    expect(parseRoute('#/team/sales-team/need/')).toEqual({
      kind: 'team',
      teamId: team,
      view: 'needs',
      needId: null,
    })
  })

  it('reads a thread only within a lesson, and a thread part without an id as no thread', () => {
    expect(parseRoute('#/course/abc/lesson/l1/thread/t1')).toEqual({
      kind: 'course',
      courseId: 'abc',
      lessonId: 'l1',
      threadId: 't1',
    })
    expect(parseRoute('#/course/abc/lesson/l1/thread/')).toEqual({
      kind: 'course',
      courseId: 'abc',
      lessonId: 'l1',
    })
    expect(parseRoute('#/course/abc/thread/t1')).toEqual({ kind: 'course', courseId: 'abc', lessonId: null })
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
