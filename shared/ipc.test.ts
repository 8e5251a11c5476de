import { describe, expect, it } from 'vitest'
import type { CourseId } from './course/types'
import { err, ok, type ChorusError, type Result } from './errors'
import { IPC, readInviteLinkMessage, runHandler, type InvokeHandlers } from './ipc'
import type { FileFilter } from './platform'
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

describe('the invoke contract', () => {
  const refuse = (error: ChorusError) => ({ ok: false, error }) as const
  const anyFilters = (raw: unknown): Result<readonly FileFilter[]> =>
    Array.isArray(raw) ? ok([]) : err('invalid-argument', 'not filters')
  const handlers: InvokeHandlers<string> = {
    'chorus:save-file': {
      parse: () => err('invalid-argument', 'never in this test'),
      refuse,
      handle: async () => ok({ saved: true }),
    },
    'chorus:open-file': {
      parse: anyFilters,
      refuse,
      handle: async (window) => ok({ name: window, bytes: new Uint8Array() }),
    },
    'chorus:open-external': {
      parse: () => ok('https://example.org'),
      refuse: () => undefined,
      handle: async () => {},
    },
  }

  it('answers a valid argument through the handler and refuses an invalid one as data', async () => {
    expect(await runHandler(handlers['chorus:open-file'], 'main', [])).toEqual({
      ok: true,
      value: { name: 'main', bytes: new Uint8Array() },
    })
    expect(await runHandler(handlers['chorus:open-file'], 'main', 'rm -rf')).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'not filters' },
    })
  })

  it('does not compile a handler map with a channel missing or a wrong type (checked by tsc)', () => {
    // @ts-expect-error: every channel needs a handler.
    const missing: InvokeHandlers<string> = { 'chorus:save-file': handlers['chorus:save-file'] }
    const wrong: InvokeHandlers<string> = {
      ...handlers,
      // @ts-expect-error: open-file answers with a file or null, not a string.
      'chorus:open-file': { parse: anyFilters, refuse, handle: async () => ok('a string') },
    }
    expect([missing, wrong]).toHaveLength(2)
  })
})
