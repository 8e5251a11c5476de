import { describe, expect, it } from 'vitest'
import type { CourseId } from '../course/types'
import { formatInvite, parseInvite } from './invite'

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
