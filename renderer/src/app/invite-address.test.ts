import { describe, expect, it } from 'vitest'
import { parseInvite } from '../../../shared/protocol/invite'
import { inviteLinkOfHash } from './invite-address'

describe('invite links in the web address', () => {
  it('reads an opened invite link in the form parseInvite accepts', () => {
    const token = 'aaa.bbb.ccc'
    const hash = `#/join?relay=${encodeURIComponent('ws://127.0.0.1:9/')}&course=abcdefghijklmnop&token=${token}`
    const link = inviteLinkOfHash(hash)
    expect(link === null ? null : parseInvite(link)).toEqual({
      ok: true,
      value: { relay: 'ws://127.0.0.1:9', courseId: 'abcdefghijklmnop', token },
    })
    expect(inviteLinkOfHash('#join?relay=x')).toBe('https://chorus.invalid/#/join?relay=x')
  })

  it('leaves every other address alone', () => {
    for (const hash of ['', '#/', '#/course/abc', '#/joined', '#/course/join?x'])
      expect(inviteLinkOfHash(hash)).toBeNull()
  })
})
