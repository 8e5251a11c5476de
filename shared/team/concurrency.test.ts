/**
 * Randomized convergence test of the team model: members (one of them on two devices), experts and a lead apply
 * random commands offline (declare, edit, vote and unvote, post, claim and unclaim, assign, move statuses forward and
 * deliberately back, merge, register and link courses, move them between draft and review, publish and unpublish),
 * syncing now and then in part; then everything is exchanged, in several random orders. Every order and every
 * replica must read the same team, and the team must follow the rules, checked against a ledger of what the
 * commands did:
 *
 * - every entry written is one the relay accepts as well-formed;
 * - a claim nobody withdrew is kept (two experts claiming at once both stay);
 * - a vote counts once per person, whatever their devices did; a vote nobody took back is counted;
 * - the status of every need is the status rule's value over every status entry ever written (computed here
 *   independently), an epoch above 0 comes only from a deliberate move back, and from one full exchange to the
 *   next a need never goes backwards unless a move back was made;
 * - a merged need is hidden from the board, and its voters show on its target, each person once.
 *
 * Replay a failure:    CHORUS_FUZZ_SEED=<seed> npx vitest run shared/team/concurrency.test.ts
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createPrng, type Prng } from '../../tests/fuzz/prng'
import { createReplica, fullMerge, partialSync, type Replica } from '../../tests/fuzz/replicas'
import type { CourseId } from '../course/types'
import { boardNeeds } from './board'
import { isValidValue, parseTeamKey } from './entries'
import { readTeam } from './read'
import {
  TEAM_ROOT,
  declareNeed,
  editNeed,
  mergeNeed,
  postToNeed,
  registerTeamCourse,
  setClaim,
  setCourseState,
  setNeedStatus,
  setVote,
} from './team-doc'
import {
  NEED_STATUSES,
  type NeedId,
  type NeedSnapshot,
  type NeedStatus,
  type TeamActor,
  type TeamId,
  type TeamSnapshot,
} from './types'

const TEAM = 'fuzz' as TeamId
const ANA: TeamActor = { id: 'u-ana', name: 'Ana', role: 'member' }
const BOB: TeamActor = { id: 'u-bob', name: 'Bob', role: 'member' }
const EVE: TeamActor = { id: 'u-eve', name: 'Eve', role: 'expert' }
const EXA: TeamActor = { id: 'u-exa', name: 'Exa', role: 'expert' }
const LEE: TeamActor = { id: 'u-lee', name: 'Lee', role: 'lead' }
const EXPERTS = [EVE, EXA]
const EVERYONE = [ANA, BOB, EVE, EXA, LEE]
/** A few course ids, so two experts sometimes register the same course at once. */
const COURSES = ['c0', 'c1', 'c2', 'c3'] as CourseId[]

interface Device {
  readonly replica: Replica
  readonly actor: TeamActor
}

interface RawStatus {
  readonly needId: NeedId
  readonly epoch: number
  readonly status: NeedStatus
}

/** What the commands did, independent of how their changes later interleave. */
interface Ledger {
  clock: number
  /** `needId|userId` → every vote (true) and unvote (false) made. */
  readonly votes: Map<string, boolean[]>
  readonly claimsMade: Set<string>
  readonly claimsDropped: Set<string>
  /** Every status entry written, by its key. */
  readonly statuses: Map<string, RawStatus>
  readonly moves: { forward: number; back: number; merges: number; refused: number }
}

const rank = (status: NeedStatus): number => NEED_STATUSES.indexOf(status)

/** The status rule, restated here: the highest epoch, then the highest rank; open without entries. */
const expectedStatus = (entries: readonly RawStatus[]): { epoch: number; status: NeedStatus } => {
  let best = { epoch: -1, status: 'open' as NeedStatus }
  for (const entry of entries)
    if (entry.epoch > best.epoch || (entry.epoch === best.epoch && rank(entry.status) > rank(best.status)))
      best = entry
  return best.epoch < 0 ? { epoch: 0, status: 'open' } : best
}

const statusKeys = (doc: Y.Doc): Map<string, RawStatus> => {
  const found = new Map<string, RawStatus>()
  for (const raw of doc.getMap(TEAM_ROOT).keys()) {
    const key = parseTeamKey(raw)
    if (key?.kind === 'status') found.set(raw, key)
  }
  return found
}

/** One random command of the device's role; returns whether it counts as a deliberate move back. */
const randomCommand = (device: Device, ledger: Ledger, prng: Prng): 'back' | 'other' => {
  const { replica, actor } = device
  const { doc } = replica
  const now = ++ledger.clock
  const needs = readTeam(doc, TEAM).needs
  const roll = prng.next()
  if (needs.length === 0 || roll < 0.08) {
    declareNeed(
      doc,
      actor,
      { ...NEED_FIELDS, title: `need ${now}`, urgency: prng.pick(['now', 'later']) },
      now,
    )
    return 'other'
  }
  const need = prng.pick(needs)
  if (roll < 0.3) {
    const on = prng.chance(0.7)
    setVote(doc, actor, need.id, on, now)
    const key = `${need.id}|${actor.id}`
    ledger.votes.set(key, [...(ledger.votes.get(key) ?? []), on])
    return 'other'
  }
  if (roll < 0.34) {
    postToNeed(doc, actor, need.id, `post ${now}`, [prng.pick(EVERYONE).id], now)
    return 'other'
  }
  if (roll < 0.38) {
    // Others than the declarer and a lead are refused: `step` checks nothing was written.
    editNeed(doc, actor, need.id, { ...need, title: `${need.title}, edited ${now}`.slice(-60) }, now)
    return 'other'
  }
  if (roll < 0.55 && actor.role !== 'member') {
    const expert = actor.role === 'lead' ? prng.pick(EXPERTS) : actor
    const on = prng.chance(0.75)
    const hadClaim = need.claims.some((claim) => claim.expert.id === expert.id)
    setClaim(doc, actor, need.id, expert, on, now)
    ;(on ? ledger.claimsMade : ledger.claimsDropped).add(`${need.id}|${expert.id}`)
    return !on && hadClaim ? 'back' : 'other'
  }
  if (roll < 0.8) {
    const allowed: readonly NeedStatus[] =
      actor.role === 'lead'
        ? NEED_STATUSES
        : actor.role === 'expert'
          ? ['open', 'claimed', 'in-progress']
          : ['open', 'closed']
    const target = prng.pick(allowed)
    const mine = actor.role !== 'member' || need.declaredBy.id === actor.id
    setNeedStatus(doc, actor, need.id, target, now)
    if (!mine) return 'other'
    if (rank(target) < rank(need.status)) ledger.moves.back++
    else ledger.moves.forward++
    return rank(target) < rank(need.status) ? 'back' : 'other'
  }
  if (roll < 0.88 && actor.role === 'lead') {
    mergeNeed(doc, actor, need.id, prng.pick(needs).id, now)
    ledger.moves.merges++
    return 'other'
  }
  if (actor.role === 'member') {
    setVote(doc, actor, need.id, true, now)
    const key = `${need.id}|${actor.id}`
    ledger.votes.set(key, [...(ledger.votes.get(key) ?? []), true])
    return 'other'
  }
  const courseId = prng.pick(COURSES)
  if (prng.chance(0.6))
    registerTeamCourse(doc, actor, { courseId, title: `course ${now}`, needId: need.id }, now)
  else
    // Experts move courses between draft and review offline while the lead publishes and takes them back.
    setCourseState(
      doc,
      actor,
      courseId,
      prng.pick(actor.role === 'lead' ? ['draft', 'review', 'published'] : ['draft', 'review']),
      now,
    )
  return 'other'
}

const NEED_FIELDS = {
  title: '',
  outcome: 'do it',
  audience: 'everyone',
  urgency: 'now',
  due: null,
  context: '',
  links: [],
} as const

/** Runs a command, checking a refused one wrote nothing and every entry it wrote is in the ledger. */
const step = (device: Device, ledger: Ledger, prng: Prng): void => {
  const { doc, log } = device.replica
  const before = statusKeys(doc)
  const updates = log.length
  let kind: 'back' | 'other'
  try {
    kind = randomCommand(device, ledger, prng)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    expect(log.length, `a refused command wrote: ${error.message}`).toBe(updates)
    ledger.moves.refused++
    return
  }
  expect(log.length - updates).toBeLessThanOrEqual(1)
  for (const [raw, entry] of statusKeys(doc)) {
    if (before.has(raw) || ledger.statuses.has(raw)) continue
    ledger.statuses.set(raw, entry)
    // A new epoch only ever comes from a deliberate move back.
    if (
      entry.epoch > expectedStatus([...before.values()].filter((held) => held.needId === entry.needId)).epoch
    )
      expect(kind, `epoch ${entry.epoch} written by a move forward`).toBe('back')
  }
}

const snapshotOf = (doc: Y.Doc): { team: TeamSnapshot; raw: unknown } => ({
  team: readTeam(doc, TEAM),
  raw: doc.getMap(TEAM_ROOT).toJSON(),
})

/** Raw vote entries: needId → user ids with a vote entry. */
const rawVotes = (doc: Y.Doc): Map<string, Set<string>> => {
  const votes = new Map<string, Set<string>>()
  for (const raw of doc.getMap(TEAM_ROOT).keys()) {
    const key = parseTeamKey(raw)
    if (key?.kind !== 'vote') continue
    const users = votes.get(key.needId) ?? new Set<string>()
    users.add(key.userId)
    votes.set(key.needId, users)
  }
  return votes
}

const checkRules = (doc: Y.Doc, ledger: Ledger): void => {
  const map = doc.getMap(TEAM_ROOT)
  for (const [raw, value] of map.entries()) {
    const key = parseTeamKey(raw)
    expect(key !== null && isValidValue(key, value), `entry ${raw}`).toBe(true)
  }
  const team = readTeam(doc, TEAM)
  const byId = new Map<NeedId, NeedSnapshot>(team.needs.map((need) => [need.id, need]))
  expect(new Set(statusKeys(doc).keys())).toEqual(new Set(ledger.statuses.keys()))
  const votes = rawVotes(doc)
  for (const need of team.needs) {
    const statuses = [...ledger.statuses.values()].filter((entry) => entry.needId === need.id)
    expect(need.status, `status of ${need.id}`).toBe(expectedStatus(statuses).status)
    const voterIds = need.voters.map((voter) => voter.id)
    expect(new Set(voterIds).size, 'each voter once').toBe(voterIds.length)
    const expectedVoters = new Set([need.id, ...need.mergedFrom].flatMap((id) => [...(votes.get(id) ?? [])]))
    expect(new Set(voterIds)).toEqual(expectedVoters)
    const claimers = need.claims.map((claim) => claim.expert.id)
    expect(new Set(claimers).size).toBe(claimers.length)
    if (need.mergedInto !== null) {
      const target = byId.get(need.mergedInto)
      expect(target?.mergedInto).toBeNull()
      expect(target?.mergedFrom).toContain(need.id)
    }
  }
  for (const [key, made] of ledger.votes) {
    if (made.includes(false)) continue
    const [needId, userId] = key.split('|') as [NeedId, string]
    const need = byId.get(needId)
    const shownOn = need?.mergedInto === null ? need : byId.get(need?.mergedInto as NeedId)
    expect(
      shownOn?.voters.filter((voter) => voter.id === userId),
      `vote ${key}`,
    ).toHaveLength(1)
  }
  for (const key of ledger.claimsMade) {
    if (ledger.claimsDropped.has(key)) continue
    const [needId, expertId] = key.split('|') as [NeedId, string]
    expect(
      byId.get(needId)?.claims.some((claim) => claim.expert.id === expertId),
      `claim ${key}`,
    ).toBe(true)
  }
  for (const me of EVERYONE)
    for (const filter of ['all-open', 'mine', 'voted', 'claimed-by-me'] as const)
      expect(
        boardNeeds(team.needs, { filter, sort: 'votes', search: '' }, me).every((n) => n.mergedInto === null),
      ).toBe(true)
}

const runSeed = (seed: number, rounds: number, opsPerRound: number) => {
  const prng = createPrng(seed)
  const devices: Device[] = [
    { replica: createReplica('ana', 1), actor: ANA },
    { replica: createReplica('bob-phone', 2), actor: BOB },
    { replica: createReplica('bob-laptop', 3), actor: BOB },
    { replica: createReplica('eve', 4), actor: EVE },
    { replica: createReplica('exa', 5), actor: EXA },
    { replica: createReplica('lee', 6), actor: LEE },
  ]
  const replicas = devices.map((device) => device.replica)
  const ledger: Ledger = {
    clock: 0,
    votes: new Map(),
    claimsMade: new Set(),
    claimsDropped: new Set(),
    statuses: new Map(),
    moves: { forward: 0, back: 0, merges: 0, refused: 0 },
  }
  const lee = devices[5] as Device
  for (let i = 0; i < 3; i++)
    declareNeed(lee.replica.doc, LEE, { ...NEED_FIELDS, title: `seed need ${i}` }, ++ledger.clock)
  fullMerge(replicas, prng)
  let previous: TeamSnapshot | null = null
  let previousEpochs = new Map<string, number>()
  for (let round = 0; round < rounds; round++) {
    for (let op = 0; op < opsPerRound; op++) {
      step(prng.pick(devices), ledger, prng)
      if (prng.chance(0.1)) partialSync(prng.pick(replicas), prng.pick(replicas), prng)
    }
    // The same updates delivered in other orders, each to a fresh document, read the same.
    const updates = replicas.flatMap((replica) => replica.log)
    const orders = [0, 1, 2].map(() => {
      const fresh = new Y.Doc()
      for (const update of prng.shuffle(updates)) Y.applyUpdate(fresh, update)
      return snapshotOf(fresh)
    })
    fullMerge(replicas, prng)
    const reference = snapshotOf(lee.replica.doc)
    for (const replica of replicas)
      expect(snapshotOf(replica.doc), `${replica.name}, seed ${seed}`).toEqual(reference)
    for (const order of orders) expect(order, `another order, seed ${seed}`).toEqual(reference)
    checkRules(lee.replica.doc, ledger)
    // From one exchange to the next, a need goes back only in a new epoch (a deliberate move back).
    const epochs = new Map<string, number>()
    for (const need of reference.team.needs) {
      const statuses = [...ledger.statuses.values()].filter((entry) => entry.needId === need.id)
      epochs.set(need.id, expectedStatus(statuses).epoch)
      const before = previous?.needs.find((candidate) => candidate.id === need.id)
      if (before !== undefined && previousEpochs.get(need.id) === epochs.get(need.id))
        expect(rank(need.status), `${need.id} went back, seed ${seed}`).toBeGreaterThanOrEqual(
          rank(before.status),
        )
    }
    previous = reference.team
    previousEpochs = epochs
  }
  return ledger
}

const SEEDS =
  process.env.CHORUS_FUZZ_SEED === undefined
    ? [1, 2, 3, 42, 1234, 99991]
    : [Number(process.env.CHORUS_FUZZ_SEED)]

describe('concurrent team commands', () => {
  for (const seed of SEEDS)
    it(`converge to the rules, in every order (seed ${seed})`, () => {
      const ledger = runSeed(seed, 5, 50)
      // The run exercised what it claims to: moves both ways, merges, and commands the model refused.
      expect(ledger.moves.forward).toBeGreaterThan(0)
      expect(ledger.moves.back).toBeGreaterThan(0)
      expect(ledger.moves.merges).toBeGreaterThan(0)
      expect(ledger.statuses.size).toBeGreaterThan(0)
    })
})
