import { describe, expect, it } from 'vitest'
import { createRevocationSet, revokes, tokenStatus } from './revocation-set'

const ada = { tokenId: 'a1', user: 'ada', issuedAt: 1_000 }

describe('revocations', () => {
  it('match one token by id, or every token of a user issued at or before the revocation', () => {
    const byId = { seq: 1, at: 5_000, kind: 'token', tokenId: 'a1' } as const
    const byUser = { seq: 2, at: 1_000, kind: 'user', user: 'ada' } as const
    expect(revokes(byId, ada)).toBe(true)
    expect(revokes(byId, { ...ada, tokenId: 'a2' })).toBe(false)
    expect(revokes(byId, { ...ada, tokenId: undefined })).toBe(false)
    expect(revokes(byUser, ada)).toBe(true)
    expect(revokes(byUser, { ...ada, tokenId: undefined, issuedAt: 0 })).toBe(true)
    expect(revokes(byUser, { ...ada, issuedAt: 1_001 })).toBe(false)
    expect(revokes(byUser, { ...ada, user: 'bo' })).toBe(false)
  })

  it('are kept as a set that covers what any revocation in it covers, the latest per user winning', () => {
    const set = createRevocationSet()
    expect(set.covers(ada)).toBe(false)
    set.add({ seq: 1, at: 2_000, kind: 'user', user: 'ada' })
    set.add({ seq: 2, at: 500, kind: 'user', user: 'ada' })
    expect(set.covers({ ...ada, issuedAt: 2_000 })).toBe(true)
    expect(set.covers({ ...ada, issuedAt: 2_001 })).toBe(false)
    set.add({ seq: 3, at: 3_000, kind: 'token', tokenId: 'b1' })
    expect(set.covers({ tokenId: 'b1', user: 'bo', issuedAt: 2_500 })).toBe(true)
    expect(set.covers({ tokenId: undefined, user: 'bo', issuedAt: 0 })).toBe(false)
  })

  it('give a recorded token its status, revoked before expired', () => {
    const set = createRevocationSet()
    const record = {
      id: 'a1',
      user: 'ada',
      name: 'Ada',
      course: 'c',
      role: 'author',
      issuedAt: 1_000,
      expiresAt: 2_000,
    }
    expect(tokenStatus(record, set, 1_999)).toBe('active')
    expect(tokenStatus(record, set, 2_000)).toBe('expired')
    set.add({ seq: 1, at: 1_500, kind: 'token', tokenId: 'a1' })
    expect(tokenStatus(record, set, 3_000)).toBe('revoked')
  })
})
