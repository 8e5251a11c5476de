import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardAudiences, boardNeeds, type BoardQuery } from './board'
import { readTeam } from './read'
import { declareNeed, mergeNeed, setClaim, setNeedStatus, setVote } from './team-doc'
import type { NeedFields, NeedSnapshot, TeamActor, TeamId } from './types'

const ANA: TeamActor = { id: 'u-ana', name: 'Ana', role: 'member' }
const BOB: TeamActor = { id: 'u-bob', name: 'Bob', role: 'member' }
const EVE: TeamActor = { id: 'u-eve', name: 'Eve', role: 'expert' }
const LEE: TeamActor = { id: 'u-lee', name: 'Lee', role: 'lead' }

const fields = (title: string, change: Partial<NeedFields> = {}): NeedFields => ({
  title,
  outcome: '',
  audience: 'Sales',
  urgency: 'later',
  due: null,
  context: '',
  links: [],
  ...change,
})

/** Five needs: renewals (2 votes), pricing (now, due), onboarding (closed), on-call (claimed by Eve), a duplicate. */
const board = () => {
  const doc = new Y.Doc()
  const renewals = declareNeed(doc, ANA, fields('Negotiating renewals', { outcome: 'Keep the price' }), 100)
  const pricing = declareNeed(doc, BOB, fields('Pricing basics', { urgency: 'now', due: '2027-01-10' }), 200)
  const onboarding = declareNeed(doc, BOB, fields('Onboarding', { urgency: 'now' }), 300)
  const onCall = declareNeed(
    doc,
    EVE,
    fields('Being on call', { audience: ' engineers ', urgency: 'quarter' }),
    400,
  )
  const duplicate = declareNeed(doc, BOB, fields('Renewal talks'), 500)
  setVote(doc, BOB, renewals, true)
  setVote(doc, EVE, renewals, true)
  setVote(doc, ANA, duplicate, true)
  setNeedStatus(doc, BOB, onboarding, 'closed')
  setClaim(doc, EVE, onCall, EVE, true)
  mergeNeed(doc, LEE, duplicate, renewals)
  return { needs: readTeam(doc, 'sales' as TeamId).needs, renewals, pricing, onboarding, onCall }
}

const titles = (needs: readonly NeedSnapshot[]) => needs.map((need) => need.title)
const query = (change: Partial<BoardQuery>): BoardQuery => ({
  filter: 'all-open',
  sort: 'newest',
  search: '',
  ...change,
})

describe('the needs board', () => {
  it('lists open needs newest first, hiding merged and finished ones', () => {
    const { needs } = board()
    expect(titles(boardNeeds(needs, query({}), ANA))).toEqual([
      'Being on call',
      'Pricing basics',
      'Negotiating renewals',
    ])
  })

  it('sorts by votes (a merged duplicate’s voters counted on its target) and by urgency', () => {
    const { needs } = board()
    expect(titles(boardNeeds(needs, query({ sort: 'votes' }), ANA))[0]).toBe('Negotiating renewals')
    expect(boardNeeds(needs, query({ sort: 'votes' }), ANA)[0]?.voters).toHaveLength(3)
    expect(titles(boardNeeds(needs, query({ sort: 'urgency' }), ANA))).toEqual([
      'Pricing basics',
      'Being on call',
      'Negotiating renewals',
    ])
  })

  it('filters mine, voted, claimed by me and by audience', () => {
    const { needs } = board()
    expect(titles(boardNeeds(needs, query({ filter: 'mine' }), BOB))).toEqual([
      'Onboarding',
      'Pricing basics',
    ])
    expect(titles(boardNeeds(needs, query({ filter: 'voted' }), ANA))).toEqual(['Negotiating renewals'])
    expect(titles(boardNeeds(needs, query({ filter: 'claimed-by-me' }), EVE))).toEqual(['Being on call'])
    expect(titles(boardNeeds(needs, query({ filter: { audience: 'ENGINEERS' } }), ANA))).toEqual([
      'Being on call',
    ])
  })

  it('searches every word in the title, outcome, audience and context', () => {
    const { needs } = board()
    expect(titles(boardNeeds(needs, query({ search: 'keep  PRICE' }), ANA))).toEqual(['Negotiating renewals'])
    expect(titles(boardNeeds(needs, query({ search: 'keep engineers' }), ANA))).toEqual([])
  })

  it('offers each audience once', () => {
    expect(boardAudiences(board().needs)).toEqual(['engineers', 'Sales'])
  })
})
