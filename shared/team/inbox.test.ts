import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CourseId, LessonId } from '../course/types'
import type { CommentId, ThreadId, ThreadSnapshot } from '../review/types'
import { commentInboxItems, teamInboxItems } from './inbox'
import { readTeam } from './read'
import {
  declareNeed,
  mergeNeed,
  postToNeed,
  registerTeamCourse,
  setClaim,
  setCourseState,
  setVote,
} from './team-doc'
import type { NeedFields, TeamActor, TeamId } from './types'

const TEAM = 'sales' as TeamId
const ANA: TeamActor = { id: 'u-ana', name: 'Ana', role: 'member' }
const BOB: TeamActor = { id: 'u-bob', name: 'Bob', role: 'member' }
const CAT: TeamActor = { id: 'u-cat', name: 'Cat', role: 'member' }
const EVE: TeamActor = { id: 'u-eve', name: 'Eve', role: 'expert' }
const EXA: TeamActor = { id: 'u-exa', name: 'Exa', role: 'expert' }
const LEE: TeamActor = { id: 'u-lee', name: 'Lee', role: 'lead' }
const COURSE = 'course-1' as CourseId

const fields = (title: string): NeedFields => ({
  title,
  outcome: '',
  audience: '',
  urgency: 'now',
  due: null,
  context: '',
  links: [],
})

describe('For me items of a team', () => {
  it('tells the declarer and the voters that their need was claimed and published', () => {
    const doc = new Y.Doc()
    const needId = declareNeed(doc, ANA, fields('Negotiating renewals'), 100)
    setVote(doc, BOB, needId, true, 110)
    setClaim(doc, EVE, needId, EVE, true, 200)
    setClaim(doc, LEE, needId, EXA, true, 210)
    registerTeamCourse(doc, EVE, { courseId: COURSE, title: 'Renewals 101', needId }, 300)
    setCourseState(doc, LEE, COURSE, 'published', 400)
    const snapshot = readTeam(doc, TEAM)
    const items = teamInboxItems(snapshot, ANA)
    expect(items.map((item) => item.summary)).toEqual([
      'Lee published "Renewals 101", answering "Negotiating renewals"',
      'Lee assigned "Negotiating renewals" to Exa',
      'Eve claimed "Negotiating renewals"',
    ])
    expect(items.map((item) => item.key)).toEqual([
      `need-published:${needId}:${COURSE}`,
      `need-claimed:${needId}:u-exa`,
      `need-claimed:${needId}:u-eve`,
    ])
    expect(items[0]?.target).toEqual({ kind: 'course', courseId: COURSE, threadId: null })
    expect(items[2]).toMatchObject({ kind: 'need-claimed', at: 200, from: { id: 'u-eve', name: 'Eve' } })
    expect(teamInboxItems(snapshot, BOB).map((item) => item.key)).toEqual(items.map((item) => item.key))
    // Not asked by Cat; Eve caused her own claim; the lead published it.
    expect(teamInboxItems(snapshot, CAT)).toEqual([])
    expect(teamInboxItems(snapshot, EVE)).toEqual([])
    expect(teamInboxItems(snapshot, LEE).length).toBe(0)
    // Derived again, the same keys: read marks stay valid.
    expect(teamInboxItems(readTeam(doc, TEAM), ANA)).toEqual(items)
  })

  it('tells voters of a merged duplicate about the need it went under', () => {
    const doc = new Y.Doc()
    const target = declareNeed(doc, ANA, fields('Renewals'), 100)
    const duplicate = declareNeed(doc, BOB, fields('Renewal talks'), 110)
    setVote(doc, CAT, duplicate, true, 120)
    mergeNeed(doc, LEE, duplicate, target, 130)
    setClaim(doc, EVE, target, EVE, true, 200)
    expect(teamInboxItems(readTeam(doc, TEAM), CAT).map((item) => item.summary)).toEqual([
      'Eve claimed "Renewals"',
    ])
  })

  it('lists mentions in need discussions, not my own posts', () => {
    const doc = new Y.Doc()
    const needId = declareNeed(doc, ANA, fields('Renewals'), 100)
    const postId = postToNeed(doc, BOB, needId, '@Cat you ran this last year?', ['u-cat'], 150)
    postToNeed(doc, CAT, needId, 'Yes, @Cat here', ['u-cat'], 160)
    expect(teamInboxItems(readTeam(doc, TEAM), CAT)).toEqual([
      {
        key: `need-mention:${needId}:${postId}`,
        kind: 'need-mention',
        at: 150,
        from: { id: 'u-bob', name: 'Bob' },
        summary: 'Bob mentioned you in "Renewals"',
        target: { kind: 'need', teamId: TEAM, needId },
      },
    ])
  })
})

const comment = (
  id: string,
  author: { id: string; name: string },
  mentions: string[],
  createdAt: number,
) => ({
  id: id as CommentId,
  author,
  body: 'text',
  mentions,
  createdAt,
  editedAt: null,
  deleted: false,
})

const thread = (id: string, comments: ReturnType<typeof comment>[]): ThreadSnapshot => ({
  id: id as ThreadId,
  lessonId: 'l1' as LessonId,
  anchor: null,
  quote: '',
  createdAt: comments[0]?.createdAt ?? 0,
  createdBy: comments[0]?.author ?? { id: '', name: '' },
  resolution: null,
  resolved: false,
  comments,
})

describe('For me items of a course’s comments', () => {
  const threads = [
    thread('t1', [comment('c1', BOB, ['u-eve'], 100), comment('c2', CAT, ['u-eve'], 300)]),
    thread('t2', [comment('c3', EVE, [], 200), comment('c4', BOB, ['u-eve'], 250)]),
  ]

  it('lists threads by others on my course, and mentions of me, newest first', () => {
    const items = commentInboxItems({
      courseId: COURSE,
      courseTitle: 'Renewals',
      threads,
      me: EVE,
      myCourse: true,
    })
    expect(items.map((item) => [item.kind, item.key, item.summary])).toEqual([
      ['comment-mention', `comment-mention:${COURSE}:t1:c2`, 'Cat mentioned you on "Renewals"'],
      ['comment-mention', `comment-mention:${COURSE}:t2:c4`, 'Bob mentioned you on "Renewals"'],
      ['thread-on-my-course', `thread-on-my-course:${COURSE}:t1`, 'Bob commented on "Renewals"'],
    ])
    expect(items[0]?.target).toEqual({ kind: 'course', courseId: COURSE, threadId: 't1' })
  })

  it('lists only mentions on a course I do not author', () => {
    const items = commentInboxItems({
      courseId: COURSE,
      courseTitle: 'Renewals',
      threads,
      me: EVE,
      myCourse: false,
    })
    expect(items.map((item) => item.key)).toEqual([
      `comment-mention:${COURSE}:t1:c2`,
      `comment-mention:${COURSE}:t2:c4`,
      `comment-mention:${COURSE}:t1:c1`,
    ])
  })
})
