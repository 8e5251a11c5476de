import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../../shared/course/types'
import { formatInvite, formatTeamInvite } from '../../../../shared/protocol/invite'
import type { TeamId } from '../../../../shared/team/types'
import { createInviteInbox } from './invite-inbox'

const inviteTo = (relay: string) => ({ relay, courseId: 'course-1' as CourseId, token: 'a.b.c' })

describe('the invite inbox', () => {
  it('asks about one invite at a time, oldest first; a later one never replaces the one on screen', () => {
    const inbox = createInviteInbox()
    let changes = 0
    inbox.subscribe(() => changes++)
    inbox.offer(formatInvite(inviteTo('wss://a.example.org')))
    const first = inbox.current()
    inbox.offer(formatInvite(inviteTo('wss://b.example.org'), 'https://app.example.org/'))
    expect(inbox.current()).toBe(first)
    expect(first).toEqual({ id: 1, kind: 'invite', invite: inviteTo('wss://a.example.org') })
    inbox.settle()
    expect(inbox.current()).toEqual({ id: 2, kind: 'invite', invite: inviteTo('wss://b.example.org') })
    inbox.settle()
    expect(inbox.current()).toBeNull()
    inbox.settle()
    expect(changes).toBe(4)
  })

  it('asks about a team invite as a team invite', () => {
    const inbox = createInviteInbox()
    const invite = { relay: 'wss://a.example.org', teamId: 'sales' as TeamId, token: 'a.b.c' }
    inbox.offer(formatTeamInvite(invite, 'https://app.example.org/'))
    expect(inbox.current()).toEqual({ id: 1, kind: 'team-invite', invite })
  })

  it('keeps an unreadable link as a problem to show', () => {
    const inbox = createInviteInbox()
    inbox.offer('https://app.example.org/#/join?relay=nope')
    expect(inbox.current()).toMatchObject({ kind: 'unreadable', error: { code: 'invalid-argument' } })
  })

  it('queues only a few links', () => {
    const inbox = createInviteInbox()
    for (let i = 0; i < 20; i++) inbox.offer(formatInvite(inviteTo(`wss://r${i}.example.org`)))
    let seen = 0
    while (inbox.current() !== null) {
      inbox.settle()
      seen++
    }
    expect(seen).toBe(5)
  })
})
