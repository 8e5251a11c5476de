import { describe, expect, it } from 'vitest'
import { matchesQuery } from './text-match'

describe('matchesQuery', () => {
  it('ignores case, accents and surrounding spaces', () => {
    expect(matchesQuery('Résumé Writing', '  resume ')).toBe(true)
    expect(matchesQuery('Intro to Chemistry', 'CHEM')).toBe(true)
  })

  it('matches everything with an empty query and rejects non-substrings', () => {
    expect(matchesQuery('Anything', '')).toBe(true)
    expect(matchesQuery('Biology', 'chem')).toBe(false)
  })
})
