import { describe, expect, it } from 'vitest'
import { progressFacts } from './course-progress'

describe('progressFacts', () => {
  it('says the counts in words, singular where it is one, and names the co-authors', () => {
    expect(
      progressFacts({
        lessons: 1,
        words: 812,
        openComments: 0,
        coAuthors: [
          { id: 'e', name: 'Eve' },
          { id: 'l', name: 'Lea' },
          { id: 'm', name: 'Max' },
        ],
        lastEditBy: null,
        lastEditAt: null,
      }),
    ).toEqual(['1 lesson', '812 words', '0 open comments', 'Co-authors: Eve, Lea and Max'])
  })

  it('leaves the co-authors out while there are none', () => {
    const facts = progressFacts({
      lessons: 4,
      words: 1,
      openComments: 2,
      coAuthors: [],
      lastEditBy: null,
      lastEditAt: null,
    })
    expect(facts).toEqual(['4 lessons', '1 word', '2 open comments'])
  })
})
