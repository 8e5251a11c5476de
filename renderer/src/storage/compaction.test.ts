import { describe, expect, it } from 'vitest'
import { keyRuns } from './compaction'

describe('keyRuns', () => {
  it('groups consecutive keys, in order, so a range never spans a key that is not listed', () => {
    expect(keyRuns([7, 3, 4, 5, 9, 10, 12])).toEqual([
      [3, 5],
      [7, 7],
      [9, 10],
      [12, 12],
    ])
  })

  it('ignores repeated keys and handles none', () => {
    expect(keyRuns([2, 2, 3])).toEqual([[2, 3]])
    expect(keyRuns([])).toEqual([])
  })
})
