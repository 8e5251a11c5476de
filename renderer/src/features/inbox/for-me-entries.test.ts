import { describe, expect, it } from 'vitest'
import type { CourseId, LessonId } from '../../../../shared/course/types'
import type { InboxItem, NeedId, TeamId } from '../../../../shared/team/types'
import { forMeEntries, readMarksFor, unreadCount, type CourseItems, type TeamItems } from './for-me-entries'

const team = 'team-a' as TeamId
const from = { id: 'u-bo', name: 'Bo' }

const needItem = (key: string, at: number): InboxItem => ({
  key,
  kind: 'need-claimed',
  at,
  from,
  summary: `Bo claimed ${key}`,
  target: { kind: 'need', teamId: team, needId: 'n1' as NeedId },
})

const commentItem = (key: string, at: number, courseId: string, threadId: string): InboxItem => ({
  key,
  kind: 'comment-mention',
  at,
  from,
  summary: `Bo mentioned you in ${courseId}`,
  target: { kind: 'course', courseId: courseId as CourseId, threadId },
})

const teamItems = (items: InboxItem[], read: string[] = []): TeamItems => ({
  teamId: team,
  items,
  readKeys: new Set(read),
  courseTitles: new Map([['c-team' as CourseId, 'Renewals']]),
})

const courseItems = (courseId: string, teamId: TeamId | null, items: InboxItem[]): CourseItems => ({
  courseId: courseId as CourseId,
  teamId,
  items,
  lessonOfThread: new Map([['t1', 'lesson-1' as LessonId]]),
})

describe('forMeEntries', () => {
  it('lists team and comment items together, newest first, each key once', () => {
    const entries = forMeEntries(
      [teamItems([needItem('a', 10), needItem('b', 30)])],
      [courseItems('c1', null, [commentItem('c', 20, 'c1', 't1'), commentItem('c', 20, 'c1', 't1')])],
      new Set(),
    )
    expect(entries.map((entry) => entry.item.key)).toEqual(['b', 'c', 'a'])
    expect(unreadCount(entries)).toBe(3)
  })

  it("reads a team course's comments in its team's space, other comments on this device", () => {
    const entries = forMeEntries(
      [teamItems([needItem('a', 1)], ['a', 'team-comment'])],
      [
        courseItems('c1', team, [commentItem('team-comment', 2, 'c1', 't1')]),
        courseItems('c2', null, [commentItem('solo-comment', 3, 'c2', 't1')]),
        // A team not joined here: its marks can only live on this device.
        courseItems('c3', 'other' as TeamId, [commentItem('other-comment', 4, 'c3', 't9')]),
      ],
      new Set(['solo-comment']),
    )
    const byKey = new Map(entries.map((entry) => [entry.item.key, entry]))
    expect(byKey.get('a')).toMatchObject({ unread: false, readPlace: { kind: 'team', teamId: team } })
    expect(byKey.get('team-comment')).toMatchObject({
      unread: false,
      readPlace: { kind: 'team', teamId: team },
      lessonId: 'lesson-1',
    })
    expect(byKey.get('solo-comment')).toMatchObject({ unread: false, readPlace: { kind: 'device' } })
    expect(byKey.get('other-comment')).toMatchObject({
      unread: true,
      readPlace: { kind: 'device' },
      lessonId: null,
    })
    expect(unreadCount(entries)).toBe(1)
  })

  it('knows the team and title of a team course an item opens, so it can be fetched before it is opened', () => {
    const published: InboxItem = {
      ...needItem('p', 5),
      kind: 'need-published',
      target: { kind: 'course', courseId: 'c-team' as CourseId, threadId: null },
    }
    const [entry] = forMeEntries([teamItems([published])], [], new Set())
    expect(entry?.teamCourse).toEqual({ teamId: team, title: 'Renewals' })
    const [comment] = forMeEntries(
      [],
      [courseItems('c1', team, [commentItem('c', 2, 'c1', 't1')])],
      new Set(),
    )
    expect(comment?.teamCourse).toBeNull()
  })
})

describe('readMarksFor', () => {
  it('groups the unread keys by where their marks are written, leaving read ones out', () => {
    const entries = forMeEntries(
      [teamItems([needItem('a', 1), needItem('b', 2)], ['b'])],
      [courseItems('c2', null, [commentItem('c', 3, 'c2', 't1')])],
      new Set(),
    )
    const marks = readMarksFor(entries)
    expect([...marks.byTeam]).toEqual([[team, ['a']]])
    expect(marks.device).toEqual(['c'])
  })
})
