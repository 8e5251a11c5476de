import { describe, expect, it } from 'vitest'
import { msUntil, refill } from './token-bucket'

describe('token bucket', () => {
  it('refills at its rate up to its burst', () => {
    expect(refill(0, 100, 50, 1_000)).toBe(50)
    expect(refill(90, 100, 50, 1_000)).toBe(100)
    expect(refill(-20, 100, 50, 200)).toBe(-10)
    // A clock that steps back never drains the bucket.
    expect(refill(10, 100, 50, -500)).toBe(10)
  })

  it('says how long until a bucket in debt can pay', () => {
    expect(msUntil(5, 1, 1)).toBe(0)
    expect(msUntil(0.5, 1, 1)).toBe(500)
    expect(msUntil(-1_900, 0, 1_000)).toBe(1_900)
  })
})
