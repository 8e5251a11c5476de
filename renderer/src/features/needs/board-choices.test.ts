import { describe, expect, it } from 'vitest'
import { filterOf, filterValue, sortOf } from './board-choices'

describe('board choices', () => {
  it('carries every filter through a select value and back', () => {
    for (const filter of ['all-open', 'mine', 'voted', 'claimed-by-me', { audience: 'Sales: EMEA' }] as const)
      expect(filterOf(filterValue(filter))).toEqual(filter)
    expect(filterOf('something else')).toBe('all-open')
    expect(sortOf('urgency')).toBe('urgency')
    expect(sortOf('')).toBe('votes')
  })
})
