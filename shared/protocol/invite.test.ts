import { describe, expect, it } from 'vitest'
import type { CourseId } from '../course/types'
import type { TeamId } from '../team/types'
import { formatInvite, formatTeamInvite, parseInvite, parseJoinLink } from './invite'

const invite = {
  relay: 'wss://relay.example.org:8443/chorus',
  courseId: 'AbC123xyz' as CourseId,
  token: 'aaa.bbb.ccc',
}

describe('invite links', () => {
  it('round-trips the app form', () => {
    const link = formatInvite(invite)
    expect(link).toBe(
      'chorus://join?relay=wss%3A%2F%2Frelay.example.org%3A8443%2Fchorus&course=AbC123xyz&token=aaa.bbb.ccc',
    )
    expect(parseInvite(`  ${link}\n`)).toEqual({ ok: true, value: invite })
  })

  it('round-trips the web form, replacing any fragment of the base', () => {
    const link = formatInvite(invite, 'https://chorus.example.org/app/#/library')
    expect(link.startsWith('https://chorus.example.org/app/#/join?relay=')).toBe(true)
    expect(parseInvite(link)).toEqual({ ok: true, value: invite })
  })

  it('drops a trailing slash on the relay', () => {
    const link = formatInvite({ ...invite, relay: 'ws://127.0.0.1:1234/' })
    expect(parseInvite(link)).toMatchObject({ ok: true, value: { relay: 'ws://127.0.0.1:1234' } })
  })

  it('explains what is wrong', () => {
    const cases = [
      'https://example.org/',
      'chorus://join?course=AbC&token=a.b.c',
      'chorus://join?relay=http%3A%2F%2Fx&course=AbC&token=a.b.c',
      'chorus://join?relay=ws%3A%2F%2Fx&course=..%2F&token=a.b.c',
      'chorus://join?relay=ws%3A%2F%2Fx&course=AbC&token=nope',
      'chorus://join?relay=%E0%A4%A&course=AbC&token=a.b.c',
    ]
    for (const text of cases) {
      const result = parseInvite(text)
      expect(result.ok).toBe(false)
      if (!result.ok)
        expect(result.error).toMatchObject({
          code: 'invalid-argument',
          message: expect.stringContaining('not a Chorus invite'),
        })
    }
  })
})

describe('team invite links', () => {
  const team = { relay: 'wss://relay.example.org', teamId: 'sales-emea' as TeamId, token: 'aaa.bbb.ccc' }

  it('round-trip in both forms and read as a team, not a course', () => {
    for (const link of [formatTeamInvite(team), formatTeamInvite(team, 'https://chorus.example.org/')]) {
      expect(link).toContain('team=sales-emea')
      expect(parseJoinLink(link)).toEqual({ ok: true, value: { kind: 'team', invite: team } })
      const asCourse = parseInvite(link)
      expect(asCourse.ok).toBe(false)
      if (!asCourse.ok) expect(asCourse.error.message).toMatch(/team invite/)
    }
    expect(parseJoinLink(formatInvite(invite))).toEqual({ ok: true, value: { kind: 'course', invite } })
  })

  it('refuses a link naming both a course and a team, or a malformed team id', () => {
    expect(parseJoinLink(`${formatTeamInvite(team)}&course=AbC123xyz`).ok).toBe(false)
    expect(parseJoinLink(formatTeamInvite({ ...team, teamId: 'a/b' as TeamId })).ok).toBe(false)
  })
})
