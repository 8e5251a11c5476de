import { describe, expect, it } from 'vitest'
import type { NeedId, NeedSnapshot, TeamActor } from '../../../../shared/team/types'
import { isMoveBack, needPermissions } from './need-permissions'

const ana: TeamActor = { id: 'ana', name: 'Ana', role: 'member' }
const bo: TeamActor = { id: 'bo', name: 'Bo', role: 'member' }
const eve: TeamActor = { id: 'eve', name: 'Eve', role: 'expert' }
const lea: TeamActor = { id: 'lea', name: 'Lea', role: 'lead' }

const need = (status: NeedSnapshot['status'], declaredBy: TeamActor = ana): NeedSnapshot => ({
  id: 'n1' as NeedId,
  title: 'Negotiating renewals',
  outcome: 'Renew without discounting first',
  audience: 'Account managers',
  urgency: 'now',
  due: null,
  context: '',
  links: [],
  declaredBy: { id: declaredBy.id, name: declaredBy.name },
  declaredAt: 1,
  status,
  statusBy: null,
  statusAt: null,
  voters: [],
  claims: [],
  posts: [],
  courseIds: [],
  mergedInto: null,
  mergedFrom: [],
})

describe('needPermissions', () => {
  it('offers a member nothing but "me too" and the discussion on someone else’s need', () => {
    expect(needPermissions(bo, need('open'))).toEqual({
      edit: false,
      claim: false,
      triage: false,
      answer: false,
      statusMoves: [],
    })
  })

  it('lets a declarer edit, close and reopen their own need, and nothing more', () => {
    expect(needPermissions(ana, need('open'))).toMatchObject({
      edit: true,
      claim: false,
      statusMoves: ['closed'],
    })
    expect(needPermissions(ana, need('published')).statusMoves).toEqual(['open', 'closed'])
  })

  it('lets an expert claim, answer and move between open, claimed and in progress', () => {
    expect(needPermissions(eve, need('claimed'))).toEqual({
      edit: false,
      claim: true,
      triage: false,
      answer: true,
      statusMoves: ['open', 'in-progress'],
    })
  })

  it('gives an expert who declared a need the expert’s moves and the declarer’s (closing it)', () => {
    expect(needPermissions(eve, need('open', eve)).statusMoves).toEqual(['claimed', 'in-progress', 'closed'])
    expect(needPermissions(eve, need('open')).statusMoves).toEqual(['claimed', 'in-progress'])
  })

  it('lets a lead do everything, to any status', () => {
    expect(needPermissions(lea, need('in-progress'))).toEqual({
      edit: true,
      claim: true,
      triage: true,
      answer: true,
      statusMoves: ['open', 'claimed', 'published', 'closed', 'archived'],
    })
  })
})

describe('isMoveBack', () => {
  it('reads a move to an earlier status, bringing back an archived need included, as a move back', () => {
    expect(isMoveBack('claimed', 'open')).toBe(true)
    expect(isMoveBack('archived', 'published')).toBe(true)
    expect(isMoveBack('open', 'closed')).toBe(false)
    expect(isMoveBack('published', 'archived')).toBe(false)
  })
})
