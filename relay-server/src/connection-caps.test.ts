import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/close-codes'
import { readConfig } from './config'
import { createConnectionCaps } from './connection-caps'

const limitsWith = (argv: string[]) => {
  const config = readConfig(argv, { CHORUS_RELAY_SECRET: 's'.repeat(40) })
  if (!config.ok) throw new Error(config.error)
  return config.value.limits
}

describe('connection caps', () => {
  it('caps connections per token in each room, and frees a place when one closes', () => {
    const caps = createConnectionCaps(limitsWith(['--max-token-room-connections', '2']))
    const first = caps.admit('10.0.0.1', 'course', 'jti-1')
    expect(caps.admit('10.0.0.2', 'course', 'jti-1')).toMatchObject({ ok: true })
    expect(caps.admit('10.0.0.3', 'course', 'jti-1')).toMatchObject({
      ok: false,
      error: { code: CloseCode.TooManyForToken },
    })
    expect(caps.admit('10.0.0.3', 'course/review', 'jti-1')).toMatchObject({ ok: true })
    expect(caps.admit('10.0.0.3', 'course', 'jti-2')).toMatchObject({ ok: true })
    expect(caps.admit('10.0.0.3', 'course', null)).toMatchObject({ ok: true })
    if (first.ok) caps.release(first.value)
    expect(caps.admit('10.0.0.3', 'course', 'jti-1')).toMatchObject({ ok: true })
  })

  it('caps connections per address, leaving loopback out unless told not to', () => {
    const caps = createConnectionCaps(limitsWith(['--max-address-connections', '1']))
    expect(caps.admit('10.0.0.1', 'a', null)).toMatchObject({ ok: true })
    expect(caps.admit('10.0.0.1', 'b', null)).toMatchObject({
      ok: false,
      error: { code: CloseCode.TooManyForAddress },
    })
    for (const loopback of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect([1, 2].map(() => caps.admit(loopback, 'a', null).ok)).toEqual([true, true])

    const strict = createConnectionCaps(
      limitsWith(['--max-address-connections', '1', '--address-cap-exempt', 'none']),
    )
    expect(strict.admit('127.0.0.1', 'a', null)).toMatchObject({ ok: true })
    expect(strict.admit('127.0.0.1', 'b', null)).toMatchObject({ ok: false })
  })

  it('refuses an unknown exemption with the flag and its environment twin named', () => {
    expect(
      readConfig(['--address-cap-exempt', 'lan'], { CHORUS_RELAY_SECRET: 's'.repeat(40) }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('CHORUS_RELAY_ADDRESS_CAP_EXEMPT'),
    })
  })
})
