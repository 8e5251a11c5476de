import { describe, expect, it } from 'vitest'
import type { LessonId } from '../../../shared/course/types'
import type { CommentId, Person, ThreadId, ThreadSnapshot } from '../../../shared/review/types'
import { currentName, memberOf, reviewMembers } from './members'

const person = (id: string, name: string): Person => ({ id, name })

const thread = (createdBy: Person, authors: readonly Person[]): ThreadSnapshot => ({
  id: 't' as ThreadId,
  lessonId: 'l' as LessonId,
  anchor: null,
  quote: '',
  createdAt: 0,
  createdBy,
  resolution: null,
  resolved: false,
  comments: authors.map((author, i) => ({
    id: `c${i}` as CommentId,
    author,
    body: 'x',
    mentions: [],
    createdAt: i,
    editedAt: null,
    deleted: false,
  })),
})

describe('reviewMembers', () => {
  it('lists me, then people online, then commenters, each id once with the first name seen', () => {
    const me = person('me', 'Me')
    const online = [person('ben', 'Ben now'), person('me', 'Me elsewhere')]
    const threads = [
      thread(person('cy', 'Cy'), [person('cy', 'Cy'), person('ben', 'Ben then')]),
      thread(person('di', 'Di'), [person('di', 'Di'), person('', 'Nobody')]),
    ]
    expect(reviewMembers(me, online, threads)).toEqual([
      person('me', 'Me'),
      person('ben', 'Ben now'),
      person('cy', 'Cy'),
      person('di', 'Di'),
    ])
  })
})

describe('memberOf', () => {
  it('keeps well-formed members and ignores anything else another client sent', () => {
    expect(memberOf({ member: { id: 'a', name: 'Ada', extra: 1 } })).toEqual({ id: 'a', name: 'Ada' })
    expect(memberOf({ user: { name: 'Ada' } })).toBeNull()
    expect(memberOf({ member: { id: '', name: 'Ada' } })).toBeNull()
    expect(memberOf({ member: { id: 7, name: 'Ada' } })).toBeNull()
    expect(memberOf({ member: 'Ada' })).toBeNull()
  })
})

describe('currentName', () => {
  it('shows a member by their current name (the invite’s), else by the name stored with the comment', () => {
    const members = [person('rita', 'Rita'), person('ada', 'Ada Lovelace')]
    expect(currentName(person('rita', 'Ricky Local'), members)).toBe('Rita')
    expect(currentName(person('ben', 'Ben Okri'), members)).toBe('Ben Okri')
    expect(currentName(person('ada', 'Ada'), [person('ada', '  ')])).toBe('Ada')
  })
})
