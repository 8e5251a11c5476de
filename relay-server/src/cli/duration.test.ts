import { describe, expect, it } from 'vitest'
import { parseDuration } from './duration'

describe('parseDuration', () => {
  it('reads s, m, h, d and w', () => {
    expect(['90s', '15m', '12h', '30d', '2w'].map(parseDuration)).toEqual([
      90, 900, 43_200, 2_592_000, 1_209_600,
    ])
  })

  it('rejects anything else', () => {
    expect(['', '0d', '30', 'd', '1.5h', '-1d', '3y'].map(parseDuration)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ])
  })
})
