import { describe, expect, it } from 'vitest'
import { parseMentions } from './mentions'

const MEMBERS = [
  { id: 'ann', name: 'Ann' },
  { id: 'ann-lee', name: 'Ann Lee' },
  { id: 'bob', name: 'Bob' },
  { id: 'zoe', name: 'Zoë Ünal' },
  { id: 'nameless', name: '  ' },
]

describe('parseMentions', () => {
  it('matches display names case-insensitively, in order of first mention, each once', () => {
    expect(parseMentions('@bob and @ANN, see this. Thanks @Bob!', MEMBERS)).toEqual(['bob', 'ann'])
  })

  it('prefers the longest matching name', () => {
    expect(parseMentions('@Ann Lee please check', MEMBERS)).toEqual(['ann-lee'])
    expect(parseMentions('@Ann Leeway is not a member', MEMBERS)).toEqual(['ann'])
  })

  it('needs a word boundary on both sides', () => {
    expect(parseMentions('mail ann@example.com or @Annabel or @Bobby', MEMBERS)).toEqual([])
    expect(parseMentions('(@bob)', MEMBERS)).toEqual(['bob'])
  })

  it('handles names beyond ASCII and ignores blank names', () => {
    expect(parseMentions('@zoë ünal: ok', MEMBERS)).toEqual(['zoe'])
    expect(parseMentions('@   @ @', MEMBERS)).toEqual([])
  })

  it('mentions every member who shares the matched name', () => {
    expect(parseMentions('@Bob', [...MEMBERS, { id: 'bob-2', name: 'bob' }])).toEqual(['bob', 'bob-2'])
  })
})
