import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CourseId } from '../course/types'
import { isValidValue, parseTeamKey } from './entries'
import { courseStateOf, readMarks, readTeam } from './read'
import {
  TEAM_ORIGIN,
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
import type { NeedFields, NeedId, NeedSnapshot, TeamActor, TeamId } from './types'

const TEAM = 'sales' as TeamId
const ANA: TeamActor = { id: 'u-ana', name: 'Ana', role: 'member' }
const BOB: TeamActor = { id: 'u-bob', name: 'Bob', role: 'member' }
const EVE: TeamActor = { id: 'u-eve', name: 'Eve', role: 'expert' }
const EXA: TeamActor = { id: 'u-exa', name: 'Exa', role: 'expert' }
const LEE: TeamActor = { id: 'u-lee', name: 'Lee', role: 'lead' }
const COURSE = 'course-1' as CourseId

const FIELDS: NeedFields = {
  title: '  Negotiating renewals ',
  outcome: 'Close a renewal without a discount',
  audience: 'Account managers',
  urgency: 'now',
  due: null,
  context: 'Renewals slipped last quarter.',
  links: ['https://example.com/playbook', ' '],
}

const sync = (from: Y.Doc, to: Y.Doc): void =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
const syncBoth = (a: Y.Doc, b: Y.Doc): void => {
  sync(a, b)
  sync(b, a)
}

/** How many updates `change` produced, checking each came from one transaction with the team origin. */
const updatesOf = (doc: Y.Doc, change: () => void): number => {
  let count = 0
  const handler = (_update: Uint8Array, origin: unknown) => {
    expect(origin).toBe(TEAM_ORIGIN)
    count++
  }
  doc.on('update', handler)
  try {
    change()
  } finally {
    doc.off('update', handler)
  }
  return count
}

const needOf = (doc: Y.Doc, needId: NeedId): NeedSnapshot => {
  const need = readTeam(doc, TEAM).needs.find((candidate) => candidate.id === needId)
  if (need === undefined) throw new Error(`no need ${needId}`)
  return need
}

/** Every entry the commands wrote is one the relay's guard accepts as well-formed. */
const expectAllValid = (doc: Y.Doc): void => {
  for (const [raw, value] of doc.getMap(TEAM_ROOT).entries()) {
    const key = parseTeamKey(raw)
    expect(key, raw).not.toBeNull()
    if (key !== null) expect(isValidValue(key, value), raw).toBe(true)
  }
}

const declared = (doc: Y.Doc, actor: TeamActor = ANA, fields: Partial<NeedFields> = {}, at = 100): NeedId =>
  declareNeed(doc, actor, { ...FIELDS, ...fields }, at)

describe('declaring and editing needs', () => {
  it('stores the need trimmed, open, declared by the writer, in one transaction', () => {
    const doc = new Y.Doc()
    let needId = '' as NeedId
    expect(updatesOf(doc, () => (needId = declared(doc)))).toBe(1)
    expect(needOf(doc, needId)).toMatchObject({
      title: 'Negotiating renewals',
      links: ['https://example.com/playbook'],
      declaredBy: { id: 'u-ana', name: 'Ana' },
      declaredAt: 100,
      status: 'open',
      statusBy: null,
      voters: [],
      mergedInto: null,
    })
    expectAllValid(doc)
  })

  it('refuses what the relay would refuse, writing nothing', () => {
    const doc = new Y.Doc()
    expect(() => declared(doc, ANA, { title: '   ' })).toThrow(/title/)
    expect(() => declared(doc, ANA, { links: ['ftp://x'] })).toThrow(/http/)
    expect(() => declared(doc, ANA, { due: '31/12/2027' })).toThrow(/YYYY-MM-DD/)
    expect(() => declared(doc, { ...ANA, name: 'A'.repeat(201) })).toThrow(/new invite/)
    expect(doc.getMap(TEAM_ROOT).size).toBe(0)
  })

  it('cuts long text to the limits', () => {
    const doc = new Y.Doc()
    const needId = declared(doc, ANA, { title: 'T'.repeat(300), context: 'c'.repeat(5000) })
    expect(needOf(doc, needId).title).toHaveLength(200)
    expect(needOf(doc, needId).context).toHaveLength(4000)
    expectAllValid(doc)
  })

  it('lets the declarer and a lead edit, keeping who declared it; nobody else', () => {
    const doc = new Y.Doc()
    const needId = declared(doc)
    editNeed(doc, ANA, needId, { ...FIELDS, urgency: 'later' }, 200)
    editNeed(doc, LEE, needId, { ...FIELDS, urgency: 'later', title: 'Renewals' }, 300)
    expect(needOf(doc, needId)).toMatchObject({
      title: 'Renewals',
      urgency: 'later',
      declaredBy: { id: 'u-ana' },
    })
    expect(() => editNeed(doc, BOB, needId, FIELDS)).toThrow(/declared this need or a team lead/)
    expect(() => editNeed(doc, EVE, needId, FIELDS)).toThrow()
    expect(
      updatesOf(doc, () => editNeed(doc, ANA, needId, { ...FIELDS, urgency: 'later', title: 'Renewals' })),
    ).toBe(0)
    expectAllValid(doc)
  })
})

describe('votes', () => {
  it('counts each person once, even voting on two devices offline', () => {
    const phone = new Y.Doc()
    const laptop = new Y.Doc()
    const needId = declared(phone)
    sync(phone, laptop)
    setVote(phone, BOB, needId, true, 200)
    setVote(laptop, BOB, needId, true, 210)
    setVote(laptop, ANA, needId, true, 220)
    syncBoth(phone, laptop)
    expect(needOf(phone, needId).voters).toEqual([
      { id: 'u-bob', name: 'Bob' },
      { id: 'u-ana', name: 'Ana' },
    ])
    expect(readTeam(laptop, TEAM)).toEqual(readTeam(phone, TEAM))
  })

  it('takes a vote back, and writes nothing when nothing changes', () => {
    const doc = new Y.Doc()
    const needId = declared(doc)
    setVote(doc, BOB, needId, true)
    expect(updatesOf(doc, () => setVote(doc, BOB, needId, true))).toBe(0)
    setVote(doc, BOB, needId, false)
    expect(needOf(doc, needId).voters).toEqual([])
    expect(updatesOf(doc, () => setVote(doc, BOB, needId, false))).toBe(0)
    expect(() => setVote(doc, BOB, 'missing' as NeedId, true)).toThrow(/not in the team space/)
  })
})

describe('discussion', () => {
  it('keeps posts oldest first with their mentions, each once', () => {
    const doc = new Y.Doc()
    const needId = declared(doc)
    postToNeed(doc, BOB, needId, '  Me too, @Eve?  ', ['u-eve', 'u-eve', ''], 300)
    postToNeed(doc, ANA, needId, 'Thanks', [], 200)
    const posts = needOf(doc, needId).posts
    expect(posts.map((post) => post.text)).toEqual(['Thanks', 'Me too, @Eve?'])
    expect(posts[1]).toMatchObject({ author: { id: 'u-bob', name: 'Bob' }, mentions: ['u-eve'], at: 300 })
    expect(() => postToNeed(doc, BOB, needId, '   ', [])).toThrow(/Write something/)
    expectAllValid(doc)
  })
})

describe('claims', () => {
  it('keeps both claims made at once and moves the need to Claimed', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const needId = declared(a)
    sync(a, b)
    setClaim(a, EVE, needId, EVE, true, 200)
    setClaim(b, EXA, needId, EXA, true, 210)
    syncBoth(a, b)
    const need = needOf(a, needId)
    expect(need.claims.map((claim) => claim.expert.id)).toEqual(['u-eve', 'u-exa'])
    expect(need.status).toBe('claimed')
    expect(readTeam(b, TEAM)).toEqual(readTeam(a, TEAM))
    expectAllValid(a)
  })

  it('lets a lead assign an expert; refuses members and experts claiming for others', () => {
    const doc = new Y.Doc()
    const needId = declared(doc)
    expect(() => setClaim(doc, ANA, needId, ANA, true)).toThrow(/experts and leads/)
    expect(() => setClaim(doc, EVE, needId, EXA, true)).toThrow(/lead can assign/)
    setClaim(doc, LEE, needId, EXA, true, 200)
    expect(needOf(doc, needId).claims).toEqual([
      { expert: { id: 'u-exa', name: 'Exa' }, by: { id: 'u-lee', name: 'Lee' }, at: 200 },
    ])
    expect(updatesOf(doc, () => setClaim(doc, LEE, needId, EXA, true))).toBe(0)
  })

  it('moves the need back to Open when the last claim is dropped, not before', () => {
    const doc = new Y.Doc()
    const needId = declared(doc)
    setClaim(doc, EVE, needId, EVE, true)
    setClaim(doc, EXA, needId, EXA, true)
    setClaim(doc, EVE, needId, EVE, false)
    expect(needOf(doc, needId).status).toBe('claimed')
    setClaim(doc, LEE, needId, EXA, false)
    expect(needOf(doc, needId)).toMatchObject({ status: 'open', claims: [] })
    setClaim(doc, EVE, needId, EVE, true)
    expect(needOf(doc, needId).status).toBe('claimed')
    expectAllValid(doc)
  })
})

describe('statuses', () => {
  it('lets each role make only its moves', () => {
    const doc = new Y.Doc()
    const needId = declared(doc)
    expect(() => setNeedStatus(doc, BOB, needId, 'closed')).toThrow(/declared this need/)
    expect(() => setNeedStatus(doc, ANA, needId, 'claimed')).toThrow(/reopen or close/)
    expect(() => setNeedStatus(doc, EVE, needId, 'archived')).toThrow(/lead/)
    setNeedStatus(doc, EVE, needId, 'in-progress')
    setNeedStatus(doc, ANA, needId, 'closed')
    setNeedStatus(doc, LEE, needId, 'archived', 500)
    expect(needOf(doc, needId)).toMatchObject({
      status: 'archived',
      statusBy: { id: 'u-lee' },
      statusAt: 500,
    })
    expect(updatesOf(doc, () => setNeedStatus(doc, LEE, needId, 'archived'))).toBe(0)
    expectAllValid(doc)
  })

  it('never goes backwards when two people move it forward at once', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const needId = declared(a)
    sync(a, b)
    setNeedStatus(a, LEE, needId, 'published')
    setNeedStatus(b, EVE, needId, 'claimed')
    syncBoth(a, b)
    expect(needOf(a, needId).status).toBe('published')
    expect(needOf(b, needId).status).toBe('published')
  })

  it('lets a deliberate move back win over a concurrent move forward it did not see', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const needId = declared(a)
    setNeedStatus(a, LEE, needId, 'closed')
    sync(a, b)
    setNeedStatus(a, ANA, needId, 'open')
    setNeedStatus(b, LEE, needId, 'archived')
    syncBoth(a, b)
    expect(needOf(a, needId).status).toBe('open')
    expect(readTeam(b, TEAM)).toEqual(readTeam(a, TEAM))
  })
})

describe('merging duplicates', () => {
  it('shows the duplicate’s voters on the target once, and hides nothing of either', () => {
    const doc = new Y.Doc()
    const target = declared(doc, ANA, {}, 100)
    const duplicate = declared(doc, BOB, { title: 'Renewal talks' }, 200)
    setVote(doc, BOB, target, true)
    setVote(doc, BOB, duplicate, true)
    setVote(doc, EVE, duplicate, true)
    expect(() => mergeNeed(doc, EVE, duplicate, target)).toThrow(/leads/)
    mergeNeed(doc, LEE, duplicate, target)
    expect(needOf(doc, duplicate).mergedInto).toBe(target)
    expect(needOf(doc, target).mergedFrom).toEqual([duplicate])
    expect(needOf(doc, target).voters.map((voter) => voter.id)).toEqual(['u-bob', 'u-eve'])
    expect(() => mergeNeed(doc, LEE, target, duplicate)).toThrow(/already merged/)
    unmergeNeed(doc, LEE, duplicate)
    expect(needOf(doc, duplicate).mergedInto).toBeNull()
    expectAllValid(doc)
  })

  it('follows a chain of merges to its end', () => {
    const doc = new Y.Doc()
    const [a, b, c] = [declared(doc), declared(doc), declared(doc)]
    mergeNeed(doc, LEE, b, c)
    mergeNeed(doc, LEE, a, b)
    expect(needOf(doc, a).mergedInto).toBe(c)
    expect([...needOf(doc, c).mergedFrom].sort()).toEqual([a, b].sort())
  })

  it('breaks a cycle made by two leads offline the same way on every device', () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    const a = declared(one)
    const b = declared(one)
    sync(one, two)
    mergeNeed(one, LEE, a, b)
    mergeNeed(two, LEE, b, a)
    syncBoth(one, two)
    const root = a < b ? a : b
    expect(needOf(one, root).mergedInto).toBeNull()
    expect(needOf(one, root === a ? b : a).mergedInto).toBe(root)
    expect(readTeam(two, TEAM)).toEqual(readTeam(one, TEAM))
  })
})

describe('team courses', () => {
  it('registers a course for a need, links it and moves the need to In progress', () => {
    const doc = new Y.Doc()
    const needId = declared(doc)
    expect(() => registerTeamCourse(doc, ANA, { courseId: COURSE, title: 'x', needId })).toThrow(
      /experts and leads/,
    )
    registerTeamCourse(doc, EVE, { courseId: COURSE, title: 'Renewals 101', needId }, 300)
    expect(needOf(doc, needId)).toMatchObject({ status: 'in-progress', courseIds: [COURSE] })
    expect(readTeam(doc, TEAM).courses).toEqual([
      {
        id: COURSE,
        title: 'Renewals 101',
        needId,
        createdBy: { id: 'u-eve', name: 'Eve' },
        createdAt: 300,
        state: 'draft',
        stateBy: null,
        stateAt: null,
        progress: null,
        lastActivityAt: 300,
      },
    ])
    expect(courseStateOf(doc, COURSE)).toBe('draft')
    expect(courseStateOf(doc, 'other' as CourseId)).toBeNull()
    registerTeamCourse(doc, LEE, { courseId: COURSE, title: 'Renewals', needId: null }, 400)
    expect(readTeam(doc, TEAM).courses[0]).toMatchObject({ title: 'Renewals', needId, createdAt: 300 })
    expect(
      updatesOf(doc, () => registerTeamCourse(doc, EVE, { courseId: COURSE, title: 'Renewals', needId })),
    ).toBe(0)
    expectAllValid(doc)
  })

  it('publishes only by a lead, moving the needs it answers to Published', () => {
    const doc = new Y.Doc()
    const needId = declared(doc)
    registerTeamCourse(doc, EVE, { courseId: COURSE, title: 'Renewals', needId }, 100)
    setCourseState(doc, EVE, COURSE, 'review', 500)
    expect(courseStateOf(doc, COURSE)).toBe('review')
    expect(() => setCourseState(doc, EVE, COURSE, 'published')).toThrow(/leads/)
    setCourseState(doc, LEE, COURSE, 'published', 600)
    expect(courseStateOf(doc, COURSE)).toBe('published')
    expect(needOf(doc, needId)).toMatchObject({ status: 'published', statusBy: { id: 'u-lee' } })
    expect(() => setCourseState(doc, EVE, COURSE, 'draft')).toThrow(
      'This course is published: only a team lead can take it out of publication.',
    )
    expect(() => setCourseState(doc, ANA, COURSE, 'draft')).toThrow()
    expect(() => setCourseState(doc, LEE, 'nope' as CourseId, 'draft')).toThrow(/team catalog/)
    expect(readTeam(doc, TEAM).courses[0]).toMatchObject({
      state: 'published',
      stateBy: { id: 'u-lee', name: 'Lee' },
      stateAt: 600,
      lastActivityAt: 600,
    })
    expect(updatesOf(doc, () => setCourseState(doc, LEE, COURSE, 'published', 650))).toBe(0)
    expectAllValid(doc)
  })

  it('keeps publication apart: a lead takes a course out of it, then experts move it again', () => {
    const doc = new Y.Doc()
    registerTeamCourse(doc, EVE, { courseId: COURSE, title: 'Renewals', needId: null }, 100)
    setCourseState(doc, EVE, COURSE, 'review', 200)
    setCourseState(doc, LEE, COURSE, 'published', 300)
    const keys = () => [...doc.getMap(TEAM_ROOT).keys()].filter((key) => key.includes(COURSE)).sort()
    expect(keys()).toEqual([
      JSON.stringify(['course', COURSE]),
      JSON.stringify(['courseState', COURSE]),
      JSON.stringify(['published', COURSE]),
    ])
    setCourseState(doc, LEE, COURSE, 'review', 400)
    expect(keys()).not.toContain(JSON.stringify(['published', COURSE]))
    expect(courseStateOf(doc, COURSE)).toBe('review')
    // Taken out of publication to the state it held: still written, so the catalog says who did it.
    expect(readTeam(doc, TEAM).courses[0]).toMatchObject({
      state: 'review',
      stateBy: { id: 'u-lee' },
      stateAt: 400,
    })
    setCourseState(doc, EVE, COURSE, 'draft', 500)
    expect(readTeam(doc, TEAM).courses[0]).toMatchObject({
      state: 'draft',
      stateBy: { id: 'u-eve' },
      stateAt: 500,
    })
    expectAllValid(doc)
  })

  it('keeps an expert’s offline move between draft and review and a lead’s publication made meanwhile', () => {
    const lead = new Y.Doc()
    registerTeamCourse(lead, EVE, { courseId: COURSE, title: 'Renewals', needId: null }, 100)
    const expert = new Y.Doc()
    sync(lead, expert)
    setCourseState(expert, EVE, COURSE, 'review', 200)
    setCourseState(lead, LEE, COURSE, 'published', 210)
    syncBoth(lead, expert)
    for (const doc of [lead, expert]) {
      expect(courseStateOf(doc, COURSE)).toBe('published')
      expect(readTeam(doc, TEAM).courses[0]).toMatchObject({
        state: 'published',
        stateBy: { id: 'u-lee' },
        lastActivityAt: 210,
      })
    }
    // When the lead takes it out of publication, the expert's move shows.
    setCourseState(lead, LEE, COURSE, 'draft', 300)
    sync(lead, expert)
    expect(courseStateOf(expert, COURSE)).toBe('draft')
    expectAllValid(expert)
  })

  it('records progress, writing nothing when it did not change', () => {
    const doc = new Y.Doc()
    registerTeamCourse(doc, EVE, { courseId: COURSE, title: 'Renewals', needId: null }, 100)
    const progress = {
      lessons: 4,
      words: 321.4,
      openComments: 2,
      coAuthors: [EVE, EXA, EVE],
      lastEditBy: EXA,
      lastEditAt: 700,
    }
    expect(() => setCourseProgress(doc, ANA, COURSE, progress)).toThrow()
    setCourseProgress(doc, EVE, COURSE, progress, 710)
    expect(updatesOf(doc, () => setCourseProgress(doc, EXA, COURSE, progress, 720))).toBe(0)
    expect(readTeam(doc, TEAM).courses[0]).toMatchObject({
      progress: {
        lessons: 4,
        words: 321,
        openComments: 2,
        coAuthors: [
          { id: 'u-eve', name: 'Eve' },
          { id: 'u-exa', name: 'Exa' },
        ],
        lastEditBy: { id: 'u-exa', name: 'Exa' },
        lastEditAt: 700,
      },
      lastActivityAt: 710,
    })
    expectAllValid(doc)
  })
})

describe('members, the team name and read marks', () => {
  it('records a member once, again only when their name or role changes', () => {
    const doc = new Y.Doc()
    recordMember(doc, ANA, 10)
    expect(updatesOf(doc, () => recordMember(doc, ANA, 20))).toBe(0)
    recordMember(doc, { ...ANA, role: 'expert' }, 30)
    recordMember(doc, LEE, 40)
    expect(readTeam(doc, TEAM).members).toEqual([
      { id: 'u-ana', name: 'Ana', role: 'expert', seenAt: 30 },
      { id: 'u-lee', name: 'Lee', role: 'lead', seenAt: 40 },
    ])
    expectAllValid(doc)
  })

  it('is named by a lead, and by its id until then', () => {
    const doc = new Y.Doc()
    expect(readTeam(doc, TEAM).name).toBe('sales')
    expect(() => renameTeam(doc, EVE, 'Sales')).toThrow(/leads/)
    expect(() => renameTeam(doc, LEE, '  ')).toThrow(/name/)
    renameTeam(doc, LEE, ' Sales team ')
    expect(readTeam(doc, TEAM).name).toBe('Sales team')
    expect(updatesOf(doc, () => renameTeam(doc, LEE, 'Sales team'))).toBe(0)
  })

  it('keeps each person’s read marks apart', () => {
    const doc = new Y.Doc()
    markRead(doc, ANA, ['a', 'b', 'a'], 10)
    markRead(doc, BOB, ['b'], 20)
    expect(updatesOf(doc, () => markRead(doc, ANA, ['b']))).toBe(0)
    expect([...readMarks(doc, 'u-ana')].sort()).toEqual(['a', 'b'])
    expect([...readMarks(doc, 'u-bob')]).toEqual(['b'])
    expect(() => markRead(doc, ANA, ['k'.repeat(257)])).toThrow()
    expectAllValid(doc)
  })
})
