import { describe, expect, it } from 'vitest'
import { parseAnyTokenClaims, parseTokenClaims } from './token'

const claims = { sub: 'u1', name: 'Ada', course: 'c1', role: 'reviewer', exp: 2_000_000_000 }

describe('parseTokenClaims', () => {
  it('accepts complete claims and drops extras', () => {
    expect(parseTokenClaims({ ...claims, nbf: 1 })).toEqual(claims)
  })

  it('keeps the issue time and token id when present and well-typed', () => {
    expect(parseTokenClaims({ ...claims, iat: 1, jti: 'id-1' })).toEqual({ ...claims, iat: 1, jti: 'id-1' })
    expect(parseTokenClaims({ ...claims, iat: '1', jti: '' })).toEqual(claims)
  })

  it('rejects missing or mistyped claims', () => {
    for (const bad of [
      null,
      'x',
      { ...claims, role: 'admin' },
      { ...claims, sub: '' },
      { ...claims, course: 3 },
      { ...claims, exp: undefined },
    ]) {
      expect(parseTokenClaims(bad)).toBeNull()
    }
  })
})

describe('team token claims', () => {
  const team = { sub: 'u2', name: 'Mia', team: 'sales', role: 'member', exp: 2_000_000_000 }

  it('reads a team token as a team token, never as a course token', () => {
    expect(parseAnyTokenClaims(team)).toEqual(team)
    expect(parseTokenClaims(team)).toBeNull()
    expect(parseAnyTokenClaims(claims)).toEqual(claims)
  })

  it('refuses a course role in a team token, a team role in a course token, and both scopes at once', () => {
    for (const bad of [
      { ...team, role: 'author' },
      { ...claims, role: 'lead' },
      { ...team, course: 'c1' },
      { ...team, team: '' },
    ]) {
      expect(parseAnyTokenClaims(bad)).toBeNull()
    }
  })
})
