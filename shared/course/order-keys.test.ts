import { describe, expect, it } from 'vitest'
import { compareOrdered, keyBetween, keyForIndex, type Ordered } from './order-keys'

const sorted = (keys: string[]): Ordered[] =>
  keys.map((order, i) => ({ id: `id${i}`, order })).sort(compareOrdered)

describe('order keys', () => {
  it('generates distinct keys for the same gap, so concurrent inserts rarely tie', () => {
    const keys = new Set(Array.from({ length: 200 }, () => keyBetween('a0', 'a1')))
    expect(keys.size).toBeGreaterThan(190)
    for (const key of keys) expect(key > 'a0' && key < 'a1').toBe(true)
  })

  it('places a key at every index', () => {
    const siblings = sorted(['a0', 'a1', 'a2'])
    for (let index = 0; index <= 3; index++) {
      const key = keyForIndex(siblings, index)
      const placed = [...siblings, { id: 'new', order: key }].sort(compareOrdered)
      expect(placed.findIndex((entry) => entry.id === 'new')).toBe(index)
    }
  })

  it('puts the item after a run of equal keys when asked to go between them', () => {
    const siblings = sorted(['a0', 'a1', 'a1', 'a2'])
    const key = keyForIndex(siblings, 2)
    expect(key > 'a1' && key < 'a2').toBe(true)
  })

  it('skips malformed keys from a peer instead of throwing', () => {
    const siblings = sorted(['a0', '!!', 'a2'])
    expect(() => keyForIndex(siblings, 1)).not.toThrow()
    expect(() => keyForIndex(sorted(['', 'zz']), 1)).not.toThrow()
  })

  it('breaks ties between equal keys by id', () => {
    expect(
      [
        { id: 'b', order: 'a1' },
        { id: 'a', order: 'a1' },
      ]
        .sort(compareOrdered)
        .map((e) => e.id),
    ).toEqual(['a', 'b'])
  })
})
