import { describe, expect, it } from 'vitest'
import type { CourseId } from '../course/types'
import { canRead, canWrite, coversCourse, parseRoomName, ROOM_KINDS, roomName } from './rooms'
import { ROLES } from './token'

const course = 'c0urse_ID-1' as CourseId

describe('room names', () => {
  it('round-trips content and review rooms', () => {
    expect(roomName({ courseId: course, kind: 'content' })).toBe('c0urse_ID-1')
    expect(roomName({ courseId: course, kind: 'review' })).toBe('c0urse_ID-1/review')
    expect(parseRoomName('c0urse_ID-1')).toEqual({ courseId: course, kind: 'content' })
    expect(parseRoomName('c0urse_ID-1/review')).toEqual({ courseId: course, kind: 'review' })
    for (const kind of ROOM_KINDS)
      expect(parseRoomName(roomName({ courseId: course, kind }))).toEqual({ courseId: course, kind })
    expect(roomName({ courseId: course, kind: 'history' })).toBe('c0urse_ID-1/history')
    expect(roomName({ courseId: course, kind: 'feedback' })).toBe('c0urse_ID-1/feedback')
  })

  it('rejects anything else', () => {
    for (const bad of [
      '',
      '/review',
      'a/b',
      'a/content',
      'a/review/review',
      'a/feedback/x',
      'a/',
      '/',
      'é',
      'a b',
      'a?x',
      'x'.repeat(65),
      '*',
    ]) {
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

  it('lets authors write all but feedback, reviewers only comments, viewers nothing, learners only feedback', () => {
    const table = ROLES.map((role) => [role, ...ROOM_KINDS.map((kind) => canWrite(role, kind))])
    // content, review, history, feedback
    expect(table).toEqual([
      ['author', true, true, true, false],
      ['reviewer', false, true, false, false],
      ['viewer', false, false, false, false],
      ['learner', false, false, false, true],
    ])
  })

  it('lets learners open only the course and its feedback', () => {
    const table = ROLES.map((role) => [role, ...ROOM_KINDS.map((kind) => canRead(role, kind))])
    expect(table).toEqual([
      ['author', true, true, true, true],
      ['reviewer', true, true, true, true],
      ['viewer', true, true, true, true],
      ['learner', true, false, false, true],
    ])
  })
})
