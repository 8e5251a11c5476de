import { describe, expect, it } from 'vitest'
import type { CourseId } from './course/types'
import { IPC, readInviteLinkMessage } from './ipc'
import { formatInvite } from './protocol/invite'

const invite = {
  relay: 'wss://relay.example.org/chorus',
  courseId: 'AbC123xyz' as CourseId,
  token: 'aaa.bbb.ccc',
}
const link = formatInvite(invite)

describe(`the ${IPC.inviteLink} message, checked again by the preload`, () => {
  it('passes a chorus:// invite link', () => {
    expect(readInviteLinkMessage(link)).toBe(link)
  })

  it.each([
    ['an object', { link }],
    ['a web invite', formatInvite(invite, 'https://chorus.example.org/')],
    ['a malformed invite', 'chorus://join?relay=ws%3A%2F%2Fx&course=AbC123xyz'],
    ['an oversized string', `${link}&${'x'.repeat(9000)}`],
  ])('drops %s', (_label, value) => {
    expect(readInviteLinkMessage(value)).toBeNull()
  })
})
