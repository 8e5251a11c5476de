import { describe, expect, it } from 'vitest'
import { assignColours, type ColourClaim } from './presence-colours'

const PALETTE = ['#3b6fd4', '#c2410c', '#15803d', '#9333ea', '#be123c', '#0e7490', '#a16207']
const claim = (key: string, chosen: string): ColourClaim => ({ key, chosen })

describe('assignColours', () => {
  it('keeps everyone’s own colour when nobody else chose it', () => {
    const colours = assignColours(
      [claim('ada', '#C2410C'), claim('ben', '#15803d'), claim('cy', '#123456')],
      PALETTE,
    )
    expect(colours).toEqual(
      new Map([
        ['ada', '#c2410c'],
        ['ben', '#15803d'],
        ['cy', '#123456'],
      ]),
    )
  })

  it('gives people who chose the same colour different ones, up to the palette’s size', () => {
    const claims = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'].map((key) => claim(key, PALETTE[0] ?? ''))
    const colours = assignColours(claims, PALETTE)
    expect(new Set(colours.values()).size).toBe(7)
    // The smallest key keeps the colour chosen.
    expect(colours.get('u1')).toBe(PALETTE[0])
  })

  it('gives the same answer on every device, whatever order the states come in', () => {
    const claims = [
      claim('zed', '#3b6fd4'),
      claim('amy', '#3b6fd4'),
      claim('kim', '#c2410c'),
      claim('lou', '#3b6fd4'),
    ]
    const expected = assignColours(claims, PALETTE)
    expect(assignColours([...claims].reverse(), PALETTE)).toEqual(expected)
    expect(
      assignColours(
        [claims[2], claims[0], claims[3], claims[1]].flatMap((c) => (c ? [c] : [])),
        PALETTE,
      ),
    ).toEqual(expected)
  })

  it('keeps a person’s colour when someone joins or leaves who wants none of the palette’s', () => {
    const before = assignColours([claim('amy', '#3b6fd4'), claim('bob', '#3b6fd4')], PALETTE)
    const after = assignColours(
      [claim('amy', '#3b6fd4'), claim('bob', '#3b6fd4'), claim('cat', '#123456')],
      PALETTE,
    )
    expect(after.get('amy')).toBe(before.get('amy'))
    expect(after.get('bob')).toBe(before.get('bob'))
  })

  it('gives one colour to a person online twice (two tabs)', () => {
    const colours = assignColours([claim('amy', '#c2410c'), claim('amy', '#3b6fd4')], PALETTE)
    expect([...colours]).toEqual([['amy', '#3b6fd4']])
  })
})
