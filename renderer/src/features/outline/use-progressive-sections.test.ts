import { describe, expect, it } from 'vitest'
import { sectionsFilling } from './use-progressive-sections'

describe('sectionsFilling', () => {
  it('takes whole sections, a header counting as a row, until the rows are filled', () => {
    const counts = [20, 20, 20, 20]
    expect(sectionsFilling(counts, 0, 60)).toBe(3)
    expect(sectionsFilling(counts, 0, 21)).toBe(1)
    expect(sectionsFilling(counts, 0, 22)).toBe(2)
    expect(sectionsFilling(counts, 3, 100)).toBe(4)
  })

  it('takes empty sections as one row each and never runs past the end', () => {
    expect(sectionsFilling([0, 0, 0], 0, 2)).toBe(2)
    expect(sectionsFilling([5], 1, 10)).toBe(1)
    expect(sectionsFilling([], 0, 60)).toBe(0)
  })
})
