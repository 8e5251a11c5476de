import { describe, expect, it } from 'vitest'
import { insertMention, mentionCandidates, mentionQueryAt } from './mention-query'

const members = [
  { id: 'me', name: 'Ada Lovelace' },
  { id: 'ann', name: 'Ann Lee' },
  { id: 'ben', name: 'Ben Okri' },
  { id: 'lee', name: 'Lee Anders' },
  { id: 'blank', name: ' ' },
]

describe('mentionQueryAt', () => {
  it('finds the name being typed after an @, spaces included', () => {
    expect(mentionQueryAt('Ask @An', 7)).toEqual({ start: 4, query: 'An' })
    expect(mentionQueryAt('@Ann L', 6)).toEqual({ start: 0, query: 'Ann L' })
    expect(mentionQueryAt('Ask @', 5)).toEqual({ start: 4, query: '' })
  })

  it('ignores e-mail addresses, a line break, and a space right after the @ or before the caret', () => {
    expect(mentionQueryAt('ann@example', 11)).toBeNull()
    expect(mentionQueryAt('@Ann\nthanks', 11)).toBeNull()
    expect(mentionQueryAt('@Ann  and', 9)).toBeNull()
    expect(mentionQueryAt('Ask @Ann Lee ', 13)).toBeNull()
    expect(mentionQueryAt('@ Ann', 5)).toBeNull()
    expect(mentionQueryAt('no mention', 10)).toBeNull()
  })
})

describe('mentionCandidates', () => {
  it('lists others whose name or a word of it starts with the query, full-name matches first', () => {
    expect(mentionCandidates(members, 'le', 'me').map((person) => person.id)).toEqual(['lee', 'ann'])
    expect(mentionCandidates(members, 'a', 'me').map((person) => person.id)).toEqual(['ann', 'lee'])
    expect(mentionCandidates(members, '', 'me').map((person) => person.id)).toEqual(['ann', 'ben', 'lee'])
    expect(mentionCandidates(members, 'zed', 'me')).toEqual([])
  })
})

describe('insertMention', () => {
  it('replaces the typed part with the full name and puts the caret after it', () => {
    expect(insertMention('Ask @an please', { start: 4, query: 'an' }, 7, 'Ann Lee')).toEqual({
      text: 'Ask @Ann Lee please',
      caret: 13,
    })
  })
})
