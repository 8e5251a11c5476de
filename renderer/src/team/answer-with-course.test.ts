import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readCourse } from '../../../shared/course/read'
import { readTeam } from '../../../shared/team/read'
import { declareNeed } from '../../../shared/team/team-doc'
import type { NeedFields, TeamActor } from '../../../shared/team/types'
import { openCourseStore } from '../storage/course-store'
import { getRelayLink } from '../sync/relay-links'
import { answerWithCourse } from './answer-with-course'
import { freshDb, TEAM, teamToken } from './team-test-support'

const fields: NeedFields = {
  title: 'Negotiating renewals',
  outcome: 'Renew a contract without discounting',
  audience: 'account managers',
  urgency: 'quarter',
  due: null,
  context: '',
  links: [],
}
const member: TeamActor = { id: 'u-mo', name: 'Mo', role: 'member' }
const expert: TeamActor = { id: 'u-ana', name: 'Ana', role: 'expert' }
const team = {
  id: TEAM,
  relayUrl: 'ws://127.0.0.1:9',
  token: teamToken({ sub: expert.id, name: expert.name, team: TEAM, role: 'expert' }),
  joinedAt: 1,
}

describe('answering a need with a course', () => {
  it('creates the starter course in the library, links it to the relay with the team token and registers it', async () => {
    const db = freshDb('answer-with-course')
    const teamDoc = new Y.Doc()
    const needId = declareNeed(teamDoc, member, fields)

    const courseId = await answerWithCourse({ db, teamDoc, team, me: expert, needId })

    expect(await db.courses.get(courseId)).toMatchObject({ title: 'Negotiating renewals' })
    const store = await openCourseStore(db, courseId)
    const course = readCourse(store.doc)
    expect(course.meta.title).toBe('Negotiating renewals')
    expect(course.sections.flatMap((section) => section.lessons.map((lesson) => lesson.title))).toEqual([
      'Introduction',
      'Key steps',
      'Check your understanding',
      'Summary',
    ])
    await store.close()
    expect(await getRelayLink(db, courseId)).toEqual({ courseId, relayUrl: team.relayUrl, token: team.token })
    const snapshot = readTeam(teamDoc, TEAM)
    expect(snapshot.courses).toMatchObject([
      { id: courseId, needId, createdBy: { id: 'u-ana', name: 'Ana' } },
    ])
    expect(snapshot.needs[0]).toMatchObject({ status: 'in-progress', courseIds: [courseId] })
  })

  it('refuses a member before anything is created', async () => {
    const db = freshDb('answer-with-course-member')
    const teamDoc = new Y.Doc()
    const needId = declareNeed(teamDoc, member, fields)
    await expect(answerWithCourse({ db, teamDoc, team, me: member, needId })).rejects.toThrow(RangeError)
    expect(await db.courses.count()).toBe(0)
  })
})
