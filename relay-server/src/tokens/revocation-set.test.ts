import { describe, expect, it } from 'vitest'
import { createRevocationSet, tokenStatus } from './revocation-set'

const ada = { tokenId: 'a1', user: 'ada', issuedAt: 1_000 }

describe('revocations', () => {
  it('cover one token by id, or every token of a user issued at or before the revocation', () => {
    const byId = createRevocationSet([{ seq: 1, at: 5_000, kind: 'token', tokenId: 'a1' }])
    const byUser = createRevocationSet([{ seq: 2, at: 1_000, kind: 'user', user: 'ada' }])
    expect(byId.covers(ada)).toBe(true)
    expect(byId.covers({ ...ada, tokenId: 'a2' })).toBe(false)
    expect(byId.covers({ ...ada, tokenId: undefined })).toBe(false)
    expect(byUser.covers(ada)).toBe(true)
    expect(byUser.covers({ ...ada, tokenId: undefined, issuedAt: 0 })).toBe(true)
    expect(byUser.covers({ ...ada, issuedAt: 1_001 })).toBe(false)
    expect(byUser.covers({ ...ada, user: 'bo' })).toBe(false)
  })

  it('grow as revocations are added, the latest per user winning', () => {
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
