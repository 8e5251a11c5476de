import { SignJWT, UnsecuredJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import type { CourseId } from '../../shared/course/types'
import { createTokenVerifier, mintToken, secretFromEnv } from './auth'

const SECRET = 'unit-test-secret-with-at-least-32-characters'
const course = 'course1' as CourseId
const request = { user: 'u1', name: 'Ada', course: 'course1', role: 'author' as const, ttlSeconds: 60 }

describe('tokens', () => {
  it('verifies what it mints and returns the claims', async () => {
    const verify = await createTokenVerifier(SECRET)
    const result = await verify(await mintToken(SECRET, request), course)
    expect(result).toMatchObject({
      ok: true,
      value: { sub: 'u1', name: 'Ada', course: 'course1', role: 'author' },
    })
  })

  it('refuses missing, expired, forged, unsigned and claim-less tokens with 401, other courses with 403', async () => {
    const verify = await createTokenVerifier(SECRET)
    const now = Math.floor(Date.now() / 1000)
    const key = new TextEncoder().encode(SECRET)
    const cases: [string | null, number, string][] = [
      [null, 401, 'token missing'],
      ['a.b.c', 401, 'token malformed'],
      [await mintToken(SECRET, request, now - 3600), 401, 'token expired'],
      [await mintToken('another-secret-that-is-32-characters-long', request), 401, 'token signature invalid'],
      [
        new UnsecuredJWT({ course: '*', role: 'author', name: 'x' })
          .setSubject('u')
          .setExpirationTime('1h')
          .encode(),
        401,
        'token algorithm not allowed',
      ],
      [
        await new SignJWT({ course: '*' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u')
          .setExpirationTime('1h')
          .sign(key),
        401,
        'token lacks Chorus claims',
      ],
      [
        await new SignJWT({ course: '*', role: 'author', name: 'x' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u')
          .sign(key),
        401,
        'token claim "exp" invalid',
      ],
      [await mintToken(SECRET, { ...request, course: 'course2' }), 403, 'token is for another course'],
    ]
    for (const [token, status, reason] of cases) {
      expect(await verify(token, course)).toEqual({ ok: false, error: { status, reason } })
    }
  })

  it('demands a secret of at least 32 characters', () => {
    expect(secretFromEnv({})).toMatchObject({ ok: false, error: expect.stringContaining('is not set') })
    expect(secretFromEnv({ CHORUS_RELAY_SECRET: 'x'.repeat(31) })).toMatchObject({
      ok: false,
      error: expect.stringContaining('at least 32'),
    })
    expect(secretFromEnv({ CHORUS_RELAY_SECRET: 'x'.repeat(32) })).toEqual({
      ok: true,
      value: 'x'.repeat(32),
    })
  })
})
