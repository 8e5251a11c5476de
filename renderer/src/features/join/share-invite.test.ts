import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../../../shared/course/types'
import { formatInvite } from '../../../../shared/protocol/invite'
import { inviteCommand, inviteFor } from './share-invite'

const here = 'localCourse01' as CourseId
const token = 'aaa.bbb.ccc'

describe('sharing a local course', () => {
  it('shows the exact command that mints an author invite for it, for this user under their name', () => {
    expect(inviteCommand(here, { id: 'device-user-1', name: 'Dana Field' })).toBe(
      "npm run relay -- token --course localCourse01 --role author --name 'Dana Field' --user device-user-1 --invite URL",
    )
  })

  it('quotes a name so that the shell passes it as one word', () => {
    expect(inviteCommand(here, { id: 'u1', name: "Seán O'Neill" })).toContain(
      `--name 'Seán O'\\''Neill' --user u1`,
    )
  })

  it('accepts an invite for this course, in either form', () => {
    const invite = { relay: 'ws://127.0.0.1:1234', courseId: here, token }
    expect(inviteFor(here, ` ${formatInvite(invite)} `)).toEqual({ ok: true, value: invite })
    expect(inviteFor(here, formatInvite(invite, 'https://chorus.example/app/'))).toEqual({
      ok: true,
      value: invite,
    })
  })

  it('refuses an invite for another course, naming both', () => {
    const other = formatInvite({ relay: 'ws://127.0.0.1:1234', courseId: 'otherCourse99' as CourseId, token })
    const result = inviteFor(here, other)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-argument')
      expect(result.error.message).toContain('otherCourse99')
      expect(result.error.message).toContain('--course localCourse01')
    }
  })

  it('passes on why a paste is not an invite at all', () => {
    const result = inviteFor(here, 'hello')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/not a Chorus invite link/)
  })
})
