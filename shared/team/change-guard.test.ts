import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CourseId } from '../course/types'
import { checkTeamUpdate, type TeamWriter } from './change-guard'
import { MAX_LINKS, MAX_TEXT_LENGTH, entryKey, type TeamKey } from './entries'
import { courseStateOf, readTeam } from './read'
import {
  TEAM_ROOT,
  declareNeed,
  editNeed,
  markRead,
  mergeNeed,
  postToNeed,
  recordMember,
  registerTeamCourse,
  renameTeam,
  setClaim,
  setCourseProgress,
  setCourseState,
  setNeedStatus,
  setVote,
  unmergeNeed,
} from './team-doc'
import type { NeedFields, NeedId, TeamActor, TeamId, TeamPerson } from './types'

const ANN: TeamActor = { id: 'u-ann', name: 'Ann Member', role: 'member' }
const BEN: TeamActor = { id: 'u-ben', name: 'Ben Member', role: 'member' }
const EVE: TeamActor = { id: 'u-eve', name: 'Eve Expert', role: 'expert' }
const XAV: TeamActor = { id: 'u-xav', name: 'Xav Expert', role: 'expert' }
const LEA: TeamActor = { id: 'u-lea', name: 'Lea Lead', role: 'lead' }
const TEAM = 'sales' as TeamId
const COURSE = 'course-renewals' as CourseId

const FIELDS: NeedFields = {
  title: 'Negotiating renewals',
  outcome: 'Hold a renewal call without discounting first.',
  audience: 'Account managers',
  urgency: 'quarter',
  due: null,
  context: '',
  links: ['https://wiki.example.org/renewals'],
}

const person = ({ id, name }: TeamActor): TeamPerson => ({ id, name })
const writerOf = ({ id, name, role }: TeamActor): TeamWriter => ({ id, name, role })

/** A client's copy of the relay's document. */
const replicaOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** What `change` sends from a fresh copy of the relay's document: every update it emits, merged. */
const sent = (relay: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array => {
  const client = replicaOf(relay)
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  change(client)
  return Y.mergeUpdates(updates)
}

/** A raw write to the entries map, as a crafted client would make it. */
const raw =
  (write: (entries: Y.Map<unknown>) => void) =>
  (doc: Y.Doc): void =>
    write(doc.getMap(TEAM_ROOT))
const put = (key: TeamKey, value: unknown) => raw((entries) => entries.set(entryKey(key), value))
const remove = (key: TeamKey) => raw((entries) => entries.delete(entryKey(key)))

const judge = (relay: Y.Doc, update: Uint8Array, actor: TeamActor) =>
  checkTeamUpdate(relay, Y.decodeUpdate(update), writerOf(actor))

const allow = (relay: Y.Doc, actor: TeamActor, change: (doc: Y.Doc) => void): void => {
  const update = sent(relay, change)
  expect(judge(relay, update, actor)).toEqual({ ok: true, value: undefined })
  Y.applyUpdate(relay, update)
}

const refuse = (relay: Y.Doc, actor: TeamActor, change: (doc: Y.Doc) => void, reason: RegExp): void => {
  const verdict = judge(relay, sent(relay, change), actor)
  expect(verdict.ok).toBe(false)
  if (verdict.ok) return
  expect(verdict.error.kind).toBe('not-allowed')
  expect(verdict.error.reason).toMatch(reason)
  expect(verdict.error.reason).toMatch(/^[\x20-\x7e]{1,123}$/)
}

const value = (relay: Y.Doc, key: TeamKey): unknown => relay.getMap(TEAM_ROOT).get(entryKey(key))

/**
 * The relay's document with everyone recorded, Ann's need (voted for by Ben, claimed by Eve, answered by Eve's
 * course) and Ben's post under it.
 */
const teamRelay = (): { relay: Y.Doc; needId: NeedId } => {
  const relay = new Y.Doc()
  for (const actor of [ANN, BEN, EVE, XAV, LEA]) allow(relay, actor, (doc) => recordMember(doc, actor, 1))
  let needId = '' as NeedId
  allow(relay, ANN, (doc) => (needId = declareNeed(doc, ANN, FIELDS, 10)))
  allow(relay, BEN, (doc) => setVote(doc, BEN, needId, true, 11))
  allow(relay, BEN, (doc) => postToNeed(doc, BEN, needId, 'Me too, @Eve Expert', [EVE.id], 12))
  allow(relay, EVE, (doc) => setClaim(doc, EVE, needId, person(EVE), true, 13))
  allow(relay, EVE, (doc) =>
    registerTeamCourse(doc, EVE, { courseId: COURSE, title: 'Renewals', needId }, 14),
  )
  return { relay, needId }
}

const postIdOf = (relay: Y.Doc, needId: NeedId, by: TeamActor): string => {
  const post = readTeam(relay, TEAM)
    .needs.find((need) => need.id === needId)
    ?.posts.find((entry) => entry.author.id === by.id)
  if (post === undefined) throw new Error(`no post by ${by.id}`)
  return post.id
}

describe('the team entry', () => {
  it('is named by a lead only, and never removed', () => {
    const { relay } = teamRelay()
    allow(relay, LEA, (doc) => renameTeam(doc, LEA, 'Sales academy', 20))
    for (const actor of [ANN, EVE])
      refuse(
        relay,
        actor,
        put({ kind: 'team' }, { name: 'Mine', by: person(actor), at: 21 }),
        /only a team lead/,
      )
    refuse(
      relay,
      LEA,
      put({ kind: 'team' }, { name: 'Forged', by: person(EVE), at: 21 }),
      /another person's name/,
    )
    refuse(relay, LEA, remove({ kind: 'team' }), /never removed/)
    expect(readTeam(relay, TEAM).name).toBe('Sales academy')
  })
})

describe('member entries', () => {
  it('are written by their own person, with the name and role their token carries', () => {
    const { relay } = teamRelay()
    const renamed = { ...ANN, name: 'Ann M.' }
    allow(relay, renamed, (doc) => recordMember(doc, renamed, 20))
    refuse(relay, ANN, (doc) => recordMember(doc, { ...ANN, name: 'Ann X.' }, 21), /another name/)
    refuse(
      relay,
      ANN,
      put({ kind: 'member', userId: ANN.id }, { name: ANN.name, role: 'lead', at: 21 }),
      /another role/,
    )
    refuse(
      relay,
      ANN,
      put({ kind: 'member', userId: BEN.id }, { name: BEN.name, role: 'member', at: 21 }),
      /another person's member entry/,
    )
    for (const actor of [ANN, LEA])
      refuse(relay, actor, remove({ kind: 'member', userId: ANN.id }), /never removed/)
  })
})

describe('needs', () => {
  it('are declared by anyone in their own name, and edited by their declarer or a lead, who keep the declarer', () => {
    const { relay, needId } = teamRelay()
    for (const actor of [BEN, EVE, LEA]) allow(relay, actor, (doc) => declareNeed(doc, actor, FIELDS, 20))
    allow(relay, ANN, (doc) => editNeed(doc, ANN, needId, { ...FIELDS, urgency: 'now' }, 21))
    allow(relay, LEA, (doc) => editNeed(doc, LEA, needId, { ...FIELDS, title: 'Renewal calls' }, 22))
    expect(value(relay, { kind: 'need', needId })).toMatchObject({
      title: 'Renewal calls',
      urgency: 'quarter',
      by: person(ANN),
    })

    const need = value(relay, { kind: 'need', needId }) as Record<string, unknown>
    const key = { kind: 'need', needId } as const
    refuse(relay, BEN, put(key, { ...need, title: 'Hijacked' }), /only its declarer or a team lead/)
    refuse(relay, EVE, put(key, { ...need, title: 'Hijacked' }), /only its declarer or a team lead/)
    refuse(relay, LEA, put(key, { ...need, by: person(LEA) }), /changes who declared/)
    refuse(relay, ANN, put(key, { ...need, by: { ...person(ANN), name: 'Someone' } }), /changes who declared/)
    const fresh = { kind: 'need', needId: 'need-by-ben' as NeedId } as const
    refuse(relay, BEN, put(fresh, { ...need, by: person(ANN) }), /another person's name/)
    refuse(relay, BEN, put(fresh, { ...need, by: { ...person(BEN), name: 'Not Ben' } }), /another name/)
    refuse(relay, ANN, put(key, { ...need, title: ' ' }), /not well-formed/)
    refuse(
      relay,
      ANN,
      put(key, { ...need, links: Array(MAX_LINKS + 1).fill('https://a.example') }),
      /not well-formed/,
    )
    refuse(relay, ANN, put(key, { ...need, context: 'x'.repeat(MAX_TEXT_LENGTH + 1) }), /not well-formed/)
    refuse(relay, ANN, put(key, { ...need, links: ['javascript:alert(1)'] }), /not well-formed/)
    refuse(relay, ANN, put(key, { ...need, extra: true }), /not well-formed/)
    for (const actor of [ANN, LEA]) refuse(relay, actor, remove(key), /never removed/)
  })

  it('cannot be removed by overwriting them and taking the new value back', () => {
    const { relay, needId } = teamRelay()
    const key = { kind: 'need', needId } as const
    refuse(
      relay,
      ANN,
      (doc) => {
        editNeed(doc, ANN, needId, { ...FIELDS, urgency: 'now' }, 20)
        doc.getMap(TEAM_ROOT).delete(entryKey(key))
      },
      /never removed/,
    )
    // The same, crafted without a delete set: the overwritten value is sent born deleted and lands on top.
    const client = replicaOf(relay)
    const before = Y.encodeStateVector(client)
    editNeed(client, ANN, needId, { ...FIELDS, urgency: 'now' }, 20)
    client.getMap(TEAM_ROOT).delete(entryKey(key))
    const update = Y.encodeStateAsUpdate(client, before)
    const { structs } = Y.decodeUpdate(update)
    const verdict = checkTeamUpdate(relay, { structs, ds: Y.createDeleteSet() }, writerOf(ANN))
    expect(verdict).toMatchObject({
      ok: false,
      error: { kind: 'not-allowed', reason: expect.stringMatching(/never removed/) },
    })
  })

  it('take a declarer’s edits made offline, one on top of another', () => {
    const { relay, needId } = teamRelay()
    // As a reconnect sends them: the overwritten values born deleted, the last one live.
    const ann = replicaOf(relay)
    const before = Y.encodeStateVector(ann)
    for (const urgency of ['now', 'later', 'quarter'] as const)
      editNeed(ann, ANN, needId, { ...FIELDS, urgency }, 20)
    editNeed(ann, ANN, needId, { ...FIELDS, title: 'Renewals, finally' }, 21)
    const update = Y.encodeStateAsUpdate(ann, before)
    expect(judge(relay, update, ANN)).toEqual({ ok: true, value: undefined })
    Y.applyUpdate(relay, update)
    expect(value(relay, { kind: 'need', needId })).toMatchObject({
      title: 'Renewals, finally',
      by: person(ANN),
    })
  })

  it('cannot be removed by a delete set beside a new value that does not descend from the held one', () => {
    const { relay, needId } = teamRelay()
    const key = { kind: 'need', needId } as const
    const need = value(relay, key)
    // A value written on a document that never held the need lands beside it, perhaps to its left, where Yjs
    // deletes it at once: with the held value deleted too, nothing would be left.
    const beside = new Y.Doc()
    const { structs } = Y.decodeUpdate(sent(beside, put(key, need)))
    const { ds } = Y.decodeUpdate(sent(relay, remove(key)))
    const verdict = checkTeamUpdate(relay, { structs, ds }, writerOf(ANN))
    expect(verdict).toMatchObject({
      ok: false,
      error: { kind: 'not-allowed', reason: expect.stringMatching(/never removed/) },
    })
  })
})

describe('votes', () => {
  it('are cast and taken back only by their own person, under their token name', () => {
    const { relay, needId } = teamRelay()
    allow(relay, ANN, (doc) => setVote(doc, ANN, needId, true, 20))
    allow(relay, BEN, (doc) => setVote(doc, BEN, needId, false, 21))
    allow(relay, BEN, (doc) => {
      setVote(doc, BEN, needId, true, 22)
      setVote(doc, BEN, needId, false, 23)
      setVote(doc, BEN, needId, true, 24)
    })
    const bens = { kind: 'vote', needId, userId: BEN.id } as const
    refuse(relay, ANN, put(bens, { name: BEN.name, at: 25 }), /another person's vote/)
    refuse(relay, ANN, remove(bens), /another person's vote removed/)
    refuse(relay, LEA, remove(bens), /another person's vote removed/)
    refuse(
      relay,
      ANN,
      put({ kind: 'vote', needId, userId: ANN.id }, { name: 'Ben Member', at: 25 }),
      /another name/,
    )
    expect(
      readTeam(relay, TEAM)
        .needs.find((need) => need.id === needId)
        ?.voters.map(({ id }) => id)
        .sort(),
    ).toEqual([ANN.id, BEN.id])
  })
})

describe('claims', () => {
  it('are made by an expert for themselves or by a lead for anyone, and dropped by that expert or a lead', () => {
    const { relay, needId } = teamRelay()
    allow(relay, XAV, (doc) => setClaim(doc, XAV, needId, person(XAV), true, 20))
    allow(relay, XAV, (doc) => setClaim(doc, XAV, needId, person(XAV), false, 21))
    allow(relay, LEA, (doc) => setClaim(doc, LEA, needId, person(XAV), true, 22))
    expect(value(relay, { kind: 'claim', needId, expertId: XAV.id })).toMatchObject({ by: person(LEA) })

    const annsClaim = { kind: 'claim', needId, expertId: ANN.id } as const
    refuse(
      relay,
      ANN,
      put(annsClaim, { expert: person(ANN), by: person(ANN), at: 23 }),
      /only experts and leads may claim/,
    )
    const eves = { kind: 'claim', needId, expertId: EVE.id } as const
    refuse(
      relay,
      XAV,
      put(eves, { expert: person(EVE), by: person(XAV), at: 23 }),
      /only a team lead may assign/,
    )
    const xavs = { kind: 'claim', needId, expertId: XAV.id } as const
    refuse(relay, XAV, put(xavs, { expert: person(XAV), by: person(LEA), at: 23 }), /another person's name/)
    refuse(
      relay,
      XAV,
      put(xavs, { expert: { ...person(XAV), name: 'Xavier' }, by: person(XAV), at: 23 }),
      /another name/,
    )
    refuse(relay, LEA, put(eves, { expert: person(XAV), by: person(LEA), at: 23 }), /not well-formed/)
    refuse(relay, XAV, remove(eves), /another expert's claim removed/)
    refuse(relay, ANN, remove(eves), /another expert's claim removed/)
    allow(relay, LEA, remove(eves))
    allow(relay, XAV, (doc) => setClaim(doc, XAV, needId, person(XAV), false, 24))
    expect(readTeam(relay, TEAM).needs.find((need) => need.id === needId)?.claims).toEqual([])
  })
})

describe('posts', () => {
  it('are written by anyone in their own name, never rewritten, and removed by their writer or a lead', () => {
    const { relay, needId } = teamRelay()
    for (const actor of [ANN, EVE, LEA])
      allow(relay, actor, (doc) => postToNeed(doc, actor, needId, 'Noted.', [], 20))
    const bens = { kind: 'post', needId, postId: postIdOf(relay, needId, BEN) } as TeamKey
    const post = value(relay, bens) as Record<string, unknown>
    refuse(relay, BEN, put(bens, { ...post, text: 'Edited' }), /never rewritten/)
    refuse(relay, ANN, put(bens, { ...post, text: 'Edited' }), /never rewritten/)
    const fresh = { kind: 'post', needId, postId: 'post-by-ann' } as TeamKey
    refuse(relay, ANN, put(fresh, { ...post, text: 'In Ben’s name' }), /another person's name/)
    refuse(
      relay,
      ANN,
      put(fresh, { ...post, by: person(ANN), mentions: Array(51).fill(BEN.id) }),
      /not well-formed/,
    )
    refuse(relay, ANN, remove(bens), /another person's post removed/)
    refuse(relay, EVE, remove(bens), /another person's post removed/)
    allow(relay, BEN, remove(bens))
    const annsPost = { kind: 'post', needId, postId: postIdOf(relay, needId, ANN) } as TeamKey
    allow(relay, LEA, remove(annsPost))
    expect(value(relay, bens)).toBeUndefined()
    expect(value(relay, annsPost)).toBeUndefined()
  })
})

describe('status entries', () => {
  it('let a member reopen or close only needs they declared', () => {
    const { relay, needId } = teamRelay()
    allow(relay, ANN, (doc) => setNeedStatus(doc, ANN, needId, 'closed', 20))
    allow(relay, ANN, (doc) => setNeedStatus(doc, ANN, needId, 'open', 21))
    refuse(
      relay,
      BEN,
      put({ kind: 'status', needId, epoch: 5, status: 'closed' }, { by: person(BEN), at: 22 }),
      /only needs they declared/,
    )
    for (const status of ['claimed', 'in-progress', 'published', 'archived'] as const)
      refuse(
        relay,
        ANN,
        put({ kind: 'status', needId, epoch: 5, status }, { by: person(ANN), at: 22 }),
        /members may not mark/,
      )
    // A need declared and closed in one update, offline.
    allow(relay, BEN, (doc) => {
      const bens = declareNeed(doc, BEN, FIELDS, 23)
      setNeedStatus(doc, BEN, bens, 'closed', 24)
    })
  })

  it('let an expert open, claim and start a need, and a lead move it anywhere; nobody removes one', () => {
    const { relay, needId } = teamRelay()
    allow(relay, EVE, (doc) => setNeedStatus(doc, EVE, needId, 'open', 20))
    allow(relay, EVE, (doc) => setNeedStatus(doc, EVE, needId, 'claimed', 21))
    allow(relay, XAV, (doc) => setNeedStatus(doc, XAV, needId, 'in-progress', 22))
    for (const status of ['published', 'closed', 'archived'] as const)
      refuse(
        relay,
        EVE,
        put({ kind: 'status', needId, epoch: 9, status }, { by: person(EVE), at: 23 }),
        /experts may not mark/,
      )
    // Roles add up: an expert closes a need they declared themselves, as any member may.
    allow(relay, EVE, (doc) => {
      const evesNeed = declareNeed(doc, EVE, FIELDS, 23)
      setNeedStatus(doc, EVE, evesNeed, 'closed', 24)
    })
    for (const status of ['archived', 'published', 'closed', 'open'] as const)
      allow(relay, LEA, (doc) => setNeedStatus(doc, LEA, needId, status, 24))
    refuse(
      relay,
      LEA,
      put({ kind: 'status', needId, epoch: 9, status: 'open' }, { by: person(EVE), at: 25 }),
      /another person's name/,
    )
    const held = { kind: 'status', needId, epoch: 0, status: 'claimed' } as const
    expect(value(relay, held)).toBeDefined()
    for (const actor of [ANN, EVE, LEA]) refuse(relay, actor, remove(held), /never removed/)
  })

  it('take the same move made by two experts at once', () => {
    const { relay } = teamRelay()
    let needId = '' as NeedId
    allow(relay, ANN, (doc) => (needId = declareNeed(doc, ANN, FIELDS, 20)))
    const offline = replicaOf(relay)
    allow(relay, EVE, (doc) => setClaim(doc, EVE, needId, person(EVE), true, 21))
    const before = Y.encodeStateVector(relay)
    setClaim(offline, XAV, needId, person(XAV), true, 22)
    const update = Y.encodeStateAsUpdate(offline, before)
    expect(judge(relay, update, XAV)).toEqual({ ok: true, value: undefined })
    Y.applyUpdate(relay, update)
    const need = readTeam(relay, TEAM).needs.find(({ id }) => id === needId)
    expect(need?.status).toBe('claimed')
    expect(need?.claims.map(({ expert }) => expert.id).sort()).toEqual([EVE.id, XAV.id])
  })
})

describe('merges', () => {
  it('are made and taken back by a lead only', () => {
    const { relay, needId } = teamRelay()
    let duplicate = '' as NeedId
    allow(relay, BEN, (doc) => (duplicate = declareNeed(doc, BEN, FIELDS, 20)))
    const key = { kind: 'merge', needId: duplicate } as const
    for (const actor of [BEN, EVE])
      refuse(
        relay,
        actor,
        put(key, { into: needId, by: person(actor), at: 21 }),
        /only a team lead may merge/,
      )
    allow(relay, LEA, (doc) => mergeNeed(doc, LEA, duplicate, needId, 22))
    refuse(relay, LEA, put(key, { into: duplicate, by: person(LEA), at: 23 }), /not well-formed/)
    for (const actor of [BEN, EVE]) refuse(relay, actor, remove(key), /only a team lead may remove a merge/)
    allow(relay, LEA, (doc) => unmergeNeed(doc, LEA, duplicate))
    expect(value(relay, key)).toBeUndefined()
  })
})

describe('course links', () => {
  it('are made by experts and leads, and removed by a lead only', () => {
    const { relay, needId } = teamRelay()
    const key = { kind: 'link', needId, courseId: COURSE } as const
    const other = { kind: 'link', needId, courseId: 'other-course' as CourseId } as const
    allow(relay, LEA, put(other, { by: person(LEA), at: 20 }))
    refuse(relay, ANN, put(other, { by: person(ANN), at: 21 }), /only experts and leads may link/)
    for (const actor of [ANN, EVE]) refuse(relay, actor, remove(key), /only a team lead may remove a link/)
    allow(relay, LEA, remove(key))
  })
})

describe('team courses', () => {
  it('are created by experts and leads, and re-registered keeping their creator, time and need', () => {
    const { relay, needId } = teamRelay()
    allow(relay, XAV, (doc) =>
      registerTeamCourse(doc, XAV, { courseId: COURSE, title: 'Renewals 101', needId }, 20),
    )
    expect(value(relay, { kind: 'course', courseId: COURSE })).toEqual({
      title: 'Renewals 101',
      needId,
      by: person(EVE),
      at: 14,
    })
    allow(relay, LEA, (doc) =>
      registerTeamCourse(
        doc,
        LEA,
        { courseId: 'lead-course' as CourseId, title: 'Coaching', needId: null },
        21,
      ),
    )

    const key = { kind: 'course', courseId: COURSE } as const
    const course = value(relay, key) as Record<string, unknown>
    refuse(
      relay,
      ANN,
      put({ kind: 'course', courseId: 'ann-course' as CourseId }, { ...course, by: person(ANN) }),
      /only experts and leads may create/,
    )
    refuse(relay, XAV, put(key, { ...course, by: person(XAV) }), /changes a course's creator/)
    refuse(relay, XAV, put(key, { ...course, needId: null }), /changes a course's creator, time or need/)
    refuse(relay, LEA, put(key, { ...course, at: 99 }), /changes a course's creator/)
    refuse(
      relay,
      XAV,
      put({ kind: 'course', courseId: 'xav-course' as CourseId }, { ...course, by: person(EVE) }),
      /another person's name/,
    )
    for (const actor of [EVE, LEA]) refuse(relay, actor, remove(key), /never removed/)
  })

  it('move between draft and review by experts and leads; a lead alone publishes them and takes them back', () => {
    const { relay } = teamRelay()
    allow(relay, EVE, (doc) => setCourseState(doc, EVE, COURSE, 'review', 20))
    allow(relay, XAV, (doc) => setCourseState(doc, XAV, COURSE, 'draft', 21))
    const key = { kind: 'courseState', courseId: COURSE } as const
    const published = { kind: 'published', courseId: COURSE } as const
    refuse(relay, EVE, put(key, { state: 'published', by: person(EVE), at: 22 }), /not well-formed/)
    refuse(relay, LEA, put(key, { state: 'published', by: person(LEA), at: 22 }), /not well-formed/)
    refuse(relay, EVE, put(published, { by: person(EVE), at: 22 }), /only a team lead may publish/)
    refuse(relay, ANN, put(key, { state: 'review', by: person(ANN), at: 22 }), /only experts and leads/)
    refuse(relay, LEA, put(published, { by: person(EVE), at: 22 }), /another person's name/)
    allow(relay, LEA, (doc) => setCourseState(doc, LEA, COURSE, 'published', 23))
    expect(courseStateOf(relay, COURSE)).toBe('published')
    // An expert's draft/review entry is judged alone: the publication is not theirs to see or undo.
    allow(relay, EVE, put(key, { state: 'review', by: person(EVE), at: 24 }))
    expect(courseStateOf(relay, COURSE)).toBe('published')
    for (const actor of [ANN, EVE, XAV])
      refuse(relay, actor, remove(published), /only a team lead may unpublish/)
    allow(relay, LEA, (doc) => setCourseState(doc, LEA, COURSE, 'draft', 25))
    expect(courseStateOf(relay, COURSE)).toBe('draft')
    allow(relay, EVE, (doc) => setCourseState(doc, EVE, COURSE, 'review', 26))
    allow(relay, LEA, (doc) => setCourseState(doc, LEA, COURSE, 'published', 27))
    for (const actor of [EVE, LEA]) refuse(relay, actor, remove(key), /never removed/)
  })

  it('take an expert’s offline draft/review moves and a lead’s publication made meanwhile, in either order', () => {
    for (const leadFirst of [true, false]) {
      const { relay, needId } = teamRelay()
      const eve = replicaOf(relay)
      const lea = replicaOf(relay)
      const eveBefore = Y.encodeStateVector(eve)
      const leaBefore = Y.encodeStateVector(lea)
      setCourseState(eve, EVE, COURSE, 'review', 20)
      setCourseState(eve, EVE, COURSE, 'draft', 21)
      setCourseState(eve, EVE, COURSE, 'review', 22)
      setCourseState(lea, LEA, COURSE, 'published', 23)
      const sessions: [Y.Doc, Uint8Array, TeamActor][] = [
        [lea, Y.encodeStateAsUpdate(lea, leaBefore), LEA],
        [eve, Y.encodeStateAsUpdate(eve, eveBefore), EVE],
      ]
      for (const [, update, actor] of leadFirst ? sessions : sessions.reverse()) {
        expect(judge(relay, update, actor), `${actor.id}, lead first: ${leadFirst}`).toEqual({
          ok: true,
          value: undefined,
        })
        Y.applyUpdate(relay, update)
      }
      // Each device's reconnect sends its whole state again (sync step 2): still accepted.
      for (const [doc, , actor] of sessions)
        expect(judge(relay, Y.encodeStateAsUpdate(doc), actor)).toEqual({ ok: true, value: undefined })
      expect(courseStateOf(relay, COURSE)).toBe('published')
      const team = readTeam(relay, TEAM)
      expect(team.courses[0]).toMatchObject({ state: 'published', stateBy: person(LEA), stateAt: 23 })
      expect(team.needs.find((need) => need.id === needId)?.status).toBe('published')
      expect(value(relay, { kind: 'courseState', courseId: COURSE })).toEqual({
        state: 'review',
        by: person(EVE),
        at: 22,
      })
    }
  })

  it('have their progress reported by experts and leads', () => {
    const { relay } = teamRelay()
    const progress = {
      lessons: 3,
      words: 420,
      openComments: 1,
      coAuthors: [person(EVE)],
      lastEditBy: person(EVE),
      lastEditAt: 20,
    }
    allow(relay, EVE, (doc) => setCourseProgress(doc, EVE, COURSE, progress, 20))
    allow(relay, LEA, (doc) => setCourseProgress(doc, LEA, COURSE, { ...progress, words: 500 }, 21))
    const key = { kind: 'progress', courseId: COURSE } as const
    refuse(relay, ANN, put(key, { ...progress, at: 22 }), /only experts and leads may report/)
    refuse(relay, EVE, put(key, { ...progress, words: -1, at: 22 }), /not well-formed/)
    for (const actor of [EVE, LEA]) refuse(relay, actor, remove(key), /never removed/)
  })
})

describe('read marks', () => {
  it('are set and removed by their own person only', () => {
    const { relay } = teamRelay()
    allow(relay, ANN, (doc) => markRead(doc, ANN, ['need-claimed:x', 'need-mention:y'], 20))
    const anns = { kind: 'read', userId: ANN.id, itemKey: 'need-claimed:x' } as const
    allow(relay, ANN, remove(anns))
    refuse(
      relay,
      BEN,
      put({ kind: 'read', userId: ANN.id, itemKey: 'z' }, { at: 21 }),
      /another person's read mark/,
    )
    refuse(
      relay,
      LEA,
      remove({ kind: 'read', userId: ANN.id, itemKey: 'need-mention:y' }),
      /another person's read removed/,
    )
  })
})

describe('what the team document never holds', () => {
  it('refuses other keys, other root types, nested types and list entries', () => {
    const { relay, needId } = teamRelay()
    refuse(
      relay,
      LEA,
      raw((entries) => entries.set('notes', 'hello')),
      /key "notes" is not a team entry/,
    )
    refuse(
      relay,
      LEA,
      raw((entries) => entries.set(`["vote", "${needId}", "${LEA.id}"]`, { name: LEA.name, at: 1 })),
      /not a team entry/,
    )
    refuse(relay, LEA, (doc) => doc.getMap('other').set('x', 1), /outside the team entries/)
    refuse(relay, LEA, (doc) => doc.getArray(TEAM_ROOT).insert(0, [1]), /outside the team entries/)
    refuse(
      relay,
      LEA,
      put({ kind: 'vote', needId, userId: LEA.id }, new Y.Map()),
      /content the team document never holds/,
    )
  })

  it('defers an update that builds on items the relay does not hold yet', () => {
    const { relay, needId } = teamRelay()
    const client = replicaOf(relay)
    setVote(client, ANN, needId, true, 20)
    const before = Y.encodeStateVector(client)
    setVote(client, ANN, needId, false, 21)
    const verdict = judge(relay, Y.encodeStateAsUpdate(client, before), ANN)
    expect(verdict).toMatchObject({ ok: false, error: { kind: 'unresolved' } })
  })

  it('accepts a whole offline session at once, and a full state the relay already holds', () => {
    const { relay, needId } = teamRelay()
    const eve = replicaOf(relay)
    const before = Y.encodeStateVector(relay)
    postToNeed(eve, EVE, needId, 'Starting tomorrow', [ANN.id], 20)
    setCourseState(eve, EVE, COURSE, 'review', 21)
    setCourseProgress(
      eve,
      EVE,
      COURSE,
      { lessons: 4, words: 900, openComments: 0, coAuthors: [], lastEditBy: null, lastEditAt: null },
      22,
    )
    setClaim(eve, EVE, needId, person(EVE), false, 23)
    setClaim(eve, EVE, needId, person(EVE), true, 24)
    markRead(eve, EVE, ['need-mention:1'], 25)
    expect(judge(relay, Y.encodeStateAsUpdate(eve, before), EVE)).toEqual({ ok: true, value: undefined })
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(eve, before))
    expect(readTeam(relay, TEAM)).toEqual(readTeam(eve, TEAM))
    expect(judge(relay, Y.encodeStateAsUpdate(eve), EVE)).toEqual({ ok: true, value: undefined })
  })
})
