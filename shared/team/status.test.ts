import { describe, expect, it } from 'vitest'
import { decideStatus, forwardMove, statusMove, statusOfDecision, type StatusEntry } from './status'
import type { NeedStatus } from './types'

const BY = { id: 'u', name: 'U' }
const entry = (epoch: number, status: NeedStatus): StatusEntry => ({ epoch, status, by: BY, at: epoch })

describe('the status rule', () => {
  it('is open with no entries', () => {
    expect(statusOfDecision(decideStatus([]))).toBe('open')
  })

  it('takes the highest rank within an epoch, whatever order entries come in', () => {
    const entries = [entry(0, 'claimed'), entry(0, 'in-progress'), entry(0, 'open')]
    expect(statusOfDecision(decideStatus(entries))).toBe('in-progress')
    expect(statusOfDecision(decideStatus([...entries].reverse()))).toBe('in-progress')
  })

  it('lets a higher epoch win over any rank', () => {
    expect(statusOfDecision(decideStatus([entry(0, 'archived'), entry(1, 'open')]))).toBe('open')
  })

  it('writes a move forward in the current epoch and a move back in the next', () => {
    const claimed = decideStatus([entry(2, 'claimed')])
    expect(statusMove(claimed, 'published')).toEqual({ epoch: 2, status: 'published' })
    expect(statusMove(claimed, 'open')).toEqual({ epoch: 3, status: 'open' })
    expect(statusMove(claimed, 'claimed')).toBeNull()
    expect(statusMove(null, 'open')).toBeNull()
    expect(statusMove(null, 'claimed')).toEqual({ epoch: 0, status: 'claimed' })
  })

  it('moves only forward when claiming, linking or publishing', () => {
    expect(forwardMove(decideStatus([entry(0, 'in-progress')]), 'claimed')).toBeNull()
    expect(forwardMove(decideStatus([entry(0, 'open')]), 'claimed')).toEqual({ epoch: 0, status: 'claimed' })
  })
})
