import { describe, expect, it } from 'vitest'
import type { CourseId } from '../course/types'
import { canWrite, coversCourse, parseRoomName, roomName } from './rooms'
import { ROLES } from './token'

const course = 'c0urse_ID-1' as CourseId

describe('room names', () => {
  it('round-trips content and review rooms', () => {
    expect(roomName({ courseId: course, kind: 'content' })).toBe('c0urse_ID-1')
    expect(roomName({ courseId: course, kind: 'review' })).toBe('c0urse_ID-1/review')
    expect(parseRoomName('c0urse_ID-1')).toEqual({ courseId: course, kind: 'content' })
    expect(parseRoomName('c0urse_ID-1/review')).toEqual({ courseId: course, kind: 'review' })
  })

  it('rejects anything else', () => {
    for (const bad of ['', '/review', 'a/b', 'a/review/review', 'é', 'a b', 'a?x', 'x'.repeat(65), '*']) {
      expect(parseRoomName(bad)).toBeNull()
    }
  })
})

describe('permissions', () => {
  it('matches the course claim exactly or by wildcard', () => {
    expect(coversCourse('*', course)).toBe(true)
    expect(coversCourse(course, course)).toBe(true)
    expect(coversCourse('other', course)).toBe(false)
  })

  it('lets authors write everywhere, reviewers only comments, viewers nothing', () => {
    const table = ROLES.map((role) => [role, canWrite(role, 'content'), canWrite(role, 'review')])
    expect(table).toEqual([
      ['author', true, true],
      ['reviewer', false, true],
      ['viewer', false, false],
    ])
  })
})
