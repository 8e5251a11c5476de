import { describe, expect, it } from 'vitest'
import type { CourseId } from '../course/types'
import {
  MAX_EPOCH,
  MAX_LINKS,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  byOf,
  entryKey,
  expertOf,
  isValidValue,
  nameOf,
  parseTeamKey,
  parseTeamValue,
  roleOf,
  stateOf,
  statusOf,
  type TeamKey,
} from './entries'
import type { NeedId, PostId } from './types'

const NEED = 'need_1' as NeedId
const COURSE = 'course-1' as CourseId
const ANA = { id: 'u-ana', name: 'Ana' }

const EVERY_KIND: readonly TeamKey[] = [
  { kind: 'team' },
  { kind: 'member', userId: 'u-ana' },
  { kind: 'need', needId: NEED },
  { kind: 'vote', needId: NEED, userId: 'u ana/é"' },
  { kind: 'claim', needId: NEED, expertId: 'u-ben' },
  { kind: 'post', needId: NEED, postId: 'p1' as PostId },
  { kind: 'status', needId: NEED, epoch: 3, status: 'in-progress' },
  { kind: 'merge', needId: NEED },
  { kind: 'link', needId: NEED, courseId: COURSE },
  { kind: 'course', courseId: COURSE },
  { kind: 'courseState', courseId: COURSE },
  { kind: 'published', courseId: COURSE },
  { kind: 'progress', courseId: COURSE },
  { kind: 'read', userId: 'u-ana', itemKey: 'need-claimed:need_1:u-ben' },
]

const NEED_VALUE = {
  title: 'Negotiating renewals',
  outcome: 'Close a renewal without a discount',
  audience: 'Account managers',
  urgency: 'quarter',
  due: '2027-03-31',
  context: '',
  links: ['https://example.com/playbook'],
  by: ANA,
  at: 10,
  editedAt: null,
}

describe('team entry keys', () => {
  it('reads back every kind of key it writes', () => {
    for (const key of EVERY_KIND) expect(parseTeamKey(entryKey(key))).toEqual(key)
  })

  it('writes JSON arrays, with the epoch as a number', () => {
    expect(entryKey({ kind: 'status', needId: NEED, epoch: 2, status: 'open' })).toBe(
      '["status","need_1",2,"open"]',
    )
    expect(entryKey({ kind: 'team' })).toBe('["team"]')
  })

  it('refuses other spellings of the same parts, so nobody votes twice under two keys', () => {
    expect(parseTeamKey('["vote", "need_1", "u-ana"]')).toBeNull()
    expect(parseTeamKey('["vote","need_1","u\\u002dana"]')).toBeNull()
    expect(parseTeamKey('["status","need_1",2.0,"open"]')).toBeNull()
    expect(parseTeamKey('["status","need_1",2,"open"]')).not.toBeNull()
  })

  it('refuses unknown kinds, wrong arity, bad ids and out-of-range epochs', () => {
    for (const raw of [
      'not json',
      '{"kind":"team"}',
      '["team","x"]',
      '["teams"]',
      '["need"]',
      '["need","has space"]',
      `["need","${'n'.repeat(65)}"]`,
      `["member","${'u'.repeat(65)}"]`,
      '["member",""]',
      '["vote","need_1"]',
      '["link","need_1","bad/course"]',
      '["status","need_1",-1,"open"]',
      `["status","need_1",${MAX_EPOCH + 1},"open"]`,
      '["status","need_1",1,"done"]',
      '["status","need_1","1","open"]',
      `["read","u-ana","${'k'.repeat(257)}"]`,
    ])
      expect(parseTeamKey(raw), raw).toBeNull()
  })
})

describe('team entry values', () => {
  it('accepts exactly the shapes of the table', () => {
    const values: Record<TeamKey['kind'], unknown> = {
      team: { name: 'Sales', by: ANA, at: 1 },
      member: { name: 'Ana', role: 'member', at: 1 },
      need: NEED_VALUE,
      vote: { name: 'Ana', at: 1 },
      claim: { expert: { id: 'u-ben', name: 'Ben' }, by: ANA, at: 1 },
      post: { by: ANA, text: 'Me too, @Ben', mentions: ['u-ben'], at: 1 },
      status: { by: ANA, at: 1 },
      merge: { into: 'need_2', by: ANA, at: 1 },
      link: { by: ANA, at: 1 },
      course: { title: 'Renewals', needId: NEED, by: ANA, at: 1 },
      courseState: { state: 'review', by: ANA, at: 1 },
      published: { by: ANA, at: 1 },
      progress: {
        lessons: 4,
        words: 300,
        openComments: 1,
        coAuthors: [ANA],
        lastEditBy: ANA,
        lastEditAt: 5,
        at: 6,
      },
      read: { at: 1 },
    }
    for (const key of EVERY_KIND) {
      const value = values[key.kind]
      expect(isValidValue(key, value), key.kind).toBe(true)
      expect(parseTeamValue(key, value), key.kind).toEqual(value)
      // One field more, anywhere, and the relay refuses it; readers still read it.
      expect(isValidValue(key, { ...(value as object), extra: 1 }), key.kind).toBe(false)
      expect(parseTeamValue(key, { ...(value as object), extra: 1 }), key.kind).not.toBeNull()
    }
  })

  it('refuses a person with a field more, nested', () => {
    const key: TeamKey = { kind: 'link', needId: NEED, courseId: COURSE }
    expect(isValidValue(key, { by: { ...ANA, role: 'lead' }, at: 1 })).toBe(false)
  })

  it('holds to the limits', () => {
    const key: TeamKey = { kind: 'need', needId: NEED }
    const need = (change: object) => ({ ...NEED_VALUE, ...change })
    expect(isValidValue(key, need({ title: 't'.repeat(MAX_TITLE_LENGTH) }))).toBe(true)
    expect(isValidValue(key, need({ title: 't'.repeat(MAX_TITLE_LENGTH + 1) }))).toBe(false)
    expect(isValidValue(key, need({ title: '   ' }))).toBe(false)
    expect(isValidValue(key, need({ context: 'c'.repeat(MAX_TEXT_LENGTH + 1) }))).toBe(false)
    expect(isValidValue(key, need({ links: Array(MAX_LINKS + 1).fill('https://a.example') }))).toBe(false)
    expect(isValidValue(key, need({ links: ['javascript:alert(1)'] }))).toBe(false)
    expect(isValidValue(key, need({ links: [`https://a.example/${'x'.repeat(2000)}`] }))).toBe(false)
    expect(isValidValue(key, need({ due: '2027-13-01' }))).toBe(false)
    expect(isValidValue(key, need({ urgency: 'someday' }))).toBe(false)
    expect(isValidValue(key, need({ at: -1 }))).toBe(false)
    const post: TeamKey = { kind: 'post', needId: NEED, postId: 'p' as PostId }
    expect(isValidValue(post, { by: ANA, text: 'x', mentions: Array(51).fill('u'), at: 1 })).toBe(false)
    expect(isValidValue(post, { by: ANA, text: '', mentions: [], at: 1 })).toBe(false)
  })

  it('keeps publication out of a course state: only the published entry says a course is published', () => {
    const key: TeamKey = { kind: 'courseState', courseId: COURSE }
    expect(isValidValue(key, { state: 'draft', by: ANA, at: 1 })).toBe(true)
    expect(isValidValue(key, { state: 'published', by: ANA, at: 1 })).toBe(false)
    expect(parseTeamValue(key, { state: 'published', by: ANA, at: 1 })).toBeNull()
  })

  it('checks a value agrees with its key', () => {
    const claim: TeamKey = { kind: 'claim', needId: NEED, expertId: 'u-ben' }
    expect(isValidValue(claim, { expert: ANA, by: ANA, at: 1 })).toBe(false)
    expect(isValidValue({ kind: 'merge', needId: NEED }, { into: NEED, by: ANA, at: 1 })).toBe(false)
  })

  it('reads single fields for the guard', () => {
    expect(byOf({ by: ANA, at: 1 })).toEqual(ANA)
    expect(byOf({ by: { id: '' } })).toBeNull()
    expect(nameOf({ name: 'Ana', at: 1 })).toBe('Ana')
    expect(roleOf({ name: 'Ana', role: 'expert' })).toBe('expert')
    expect(roleOf({ role: 'admin' })).toBeNull()
    expect(stateOf({ state: 'review' })).toBe('review')
    expect(stateOf({ state: 'published' })).toBeNull()
    expect(expertOf({ expert: ANA })).toEqual(ANA)
    expect(statusOf({ kind: 'status', needId: NEED, epoch: 0, status: 'closed' })).toBe('closed')
    expect(statusOf({ kind: 'need', needId: NEED })).toBeNull()
  })
})
