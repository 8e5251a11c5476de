import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../shared/course/types'
import { createCourse } from '../storage/library'
import { getRelayLink, saveRelayLink } from '../sync/relay-links'
import { ensureTeamCourse, relinkTeamCourses } from './team-course-links'
import { freshDb, TEAM, teamToken } from './team-test-support'

const relayUrl = 'ws://127.0.0.1:9'
const oldToken = teamToken({ sub: 'u-1', name: 'Mo', team: TEAM, role: 'member' })
const newToken = teamToken({ sub: 'u-1', name: 'Mo', team: TEAM, role: 'expert' })
const team = { id: TEAM, relayUrl, token: oldToken }

describe('team course links', () => {
  it('adds a course not on this device to the library, with the team token, ready to sync down', async () => {
    const db = freshDb('team-links-new')
    const courseId = 'team-course-1' as CourseId
    await ensureTeamCourse(db, team, courseId, 'Negotiating renewals')
    expect(await db.courses.get(courseId)).toMatchObject({ title: 'Negotiating renewals' })
    expect(await getRelayLink(db, courseId)).toEqual({ courseId, relayUrl, token: oldToken })
  })

  it('keeps the link of a course joined with its own invite', async () => {
    const db = freshDb('team-links-own-invite')
    const courseId = await createCourse(db, { title: 'Mine' })
    const own = { courseId, relayUrl: 'ws://127.0.0.1:8', token: 'course.invite.token' }
    await saveRelayLink(db, own)
    await ensureTeamCourse(db, team, courseId, 'Mine')
    expect(await getRelayLink(db, courseId)).toEqual(own)
  })

  it('gives every course of the team the new token when the team is joined anew, and leaves others alone', async () => {
    const db = freshDb('team-links-rejoin')
    const teamCourse = 'team-course-2' as CourseId
    await ensureTeamCourse(db, team, teamCourse, 'Renewals')
    const other = { courseId: 'other-course' as CourseId, relayUrl, token: 'course.invite.token' }
    const otherTeam = {
      courseId: 'other-team-course' as CourseId,
      relayUrl,
      token: teamToken({ sub: 'u-1', name: 'Mo', team: 'support', role: 'lead' }),
    }
    await saveRelayLink(db, other)
    await saveRelayLink(db, otherTeam)
    await relinkTeamCourses(db, { ...team, relayUrl: 'wss://relay.example.org', token: newToken })
    expect(await getRelayLink(db, teamCourse)).toEqual({
      courseId: teamCourse,
      relayUrl: 'wss://relay.example.org',
      token: newToken,
    })
    expect(await getRelayLink(db, other.courseId)).toEqual(other)
    expect(await getRelayLink(db, otherTeam.courseId)).toEqual(otherTeam)
  })
})
