/**
 * Seeded fuzz test of the team guard (shared/team/change-guard.ts). Members, experts and a lead on several devices,
 * some offline for a while, use the team commands and send crafted updates of random raw writes and deletions to
 * the entries map, mixing what their role may do with what it may not (others' votes, claims and posts, statuses
 * beyond their role, edits that change who declared a need, a course published or unpublished by an expert,
 * malformed values, keys and types outside the shape). Each crafted change says, from the table of issue 12 written
 * out here again, whether the writer may make it: the guard must accept exactly the updates made only of allowed
 * changes.
 * After every update the relay applies, every entry is well-formed and nothing that is never removed was removed;
 * every device's sync of what its commands wrote is accepted; at the end all devices converge on the relay's
 * document. A failure names its seed, which replays it.
 *
 * Experts move courses between draft and review offline while the lead publishes and unpublishes them: no rule
 * depends on a value an offline writer could not see, so every honest device's sync is accepted.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CourseId } from '../../shared/course/types'
import { checkTeamUpdate } from '../../shared/team/change-guard'
import {
  entryKey,
  isValidValue,
  parseTeamKey,
  parseTeamValue,
  type TeamKey,
  type TeamKeyKind,
  type TeamKeyOf,
} from '../../shared/team/entries'
import { readTeam } from '../../shared/team/read'
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
} from '../../shared/team/team-doc'
import {
  COURSE_STATES,
  NEED_STATUSES,
  type NeedFields,
  type NeedId,
  type TeamActor,
  type TeamId,
  type TeamPerson,
} from '../../shared/team/types'
import { createPrng, type Prng } from './prng'

const SEEDS = 25
const STEPS = 80
const ANN: TeamActor = { id: 'u-ann', name: 'Ann', role: 'member' }
const BEN: TeamActor = { id: 'u-ben', name: 'Ben', role: 'member' }
const EVE: TeamActor = { id: 'u-eve', name: 'Eve', role: 'expert' }
const XAV: TeamActor = { id: 'u-xav', name: 'Xav', role: 'expert' }
const LEA: TeamActor = { id: 'u-lea', name: 'Lea', role: 'lead' }
const PEOPLE = [ANN, BEN, EVE, XAV, LEA]
const COURSES = ['c1', 'c2', 'c3'] as CourseId[]
const TEAM = 'fuzz' as TeamId
/** Entries nobody may remove. */
const KEPT = new Set<TeamKeyKind>(['team', 'member', 'need', 'status', 'course', 'courseState', 'progress'])

const FIELDS: NeedFields = {
  title: 'A need',
  outcome: 'Do it',
  audience: 'Everyone',
  urgency: 'now',
  due: null,
  context: '',
  links: [],
}

interface Device {
  readonly actor: TeamActor
  readonly doc: Y.Doc
}

/** One raw change to the entries map, and whether the writer may make it. */
interface Change {
  readonly key: string
  readonly allowed: boolean
  apply(map: Y.Map<unknown>): void
}

const person = ({ id, name }: TeamActor): TeamPerson => ({ id, name })
const isAuthor = (actor: TeamActor): boolean => actor.role !== 'member'
const writer = ({ id, name, role }: TeamActor) => ({ id, name, role })

/** The entries the map holds under team keys, with their keys read. */
const heldEntries = (map: Y.Map<unknown>) =>
  [...map.entries()].flatMap(([raw, value]) => {
    const key = parseTeamKey(raw)
    return key === null ? [] : [{ raw, key, value }]
  })

const needValue = (by: TeamPerson, at: number) => ({ ...FIELDS, by, at, editedAt: null })

/** A random change by `actor` to the map as `doc` holds it, with its verdict from the table; null if none fits. */
const randomChange = (prng: Prng, doc: Y.Doc, actor: TeamActor): Change | null => {
  const map = doc.getMap(TEAM_ROOT)
  const held = heldEntries(map)
  const of = <K extends TeamKeyKind>(kind: K) =>
    held.filter((entry): entry is (typeof held)[number] & { key: TeamKeyOf<K> } => entry.key.kind === kind)
  const needs = of('need')
  const other = prng.pick(PEOPLE.filter(({ id }) => id !== actor.id))
  const who = prng.chance(0.7) ? actor : other
  const at = prng.int(1e6)
  const lead = actor.role === 'lead'
  const set = (key: TeamKey | string, value: unknown, allowed: boolean): Change => {
    const raw = typeof key === 'string' ? key : entryKey(key)
    return { key: raw, allowed, apply: (target) => target.set(raw, value) }
  }
  const remove = (raw: string, allowed: boolean): Change => ({
    key: raw,
    allowed,
    apply: (target) => target.delete(raw),
  })
  const removeOne = <E extends { raw: string }>(
    entries: E[],
    allowed: (entry: E) => boolean,
  ): Change | null => {
    if (entries.length === 0) return null
    const entry = prng.pick(entries)
    return remove(entry.raw, allowed(entry))
  }
  const needId = needs.length === 0 ? null : prng.pick(needs).key.needId
  switch (prng.int(16)) {
    case 0:
      if (needId === null) return null
      return set({ kind: 'vote', needId, userId: who.id }, { name: who.name, at }, who === actor)
    case 1:
      return removeOne(of('vote'), ({ key }) => key.userId === actor.id)
    case 2: {
      if (needId === null) return null
      const expert = prng.pick(PEOPLE)
      const by = prng.chance(0.8) ? actor : other
      const allowed = by === actor && (lead || (actor.role === 'expert' && expert === actor))
      return set(
        { kind: 'claim', needId, expertId: expert.id },
        { expert: person(expert), by: person(by), at },
        allowed,
      )
    }
    case 3:
      return removeOne(of('claim'), ({ key }) => lead || key.expertId === actor.id)
    case 4: {
      const posts = of('post')
      if (posts.length > 0 && prng.chance(0.3)) {
        const { key, value } = prng.pick(posts)
        return set(key, { ...(value as object), text: 'Rewritten' }, false)
      }
      if (needId === null) return null
      const key = { kind: 'post', needId, postId: `p${prng.int(1e6)}` } as TeamKey
      return set(key, { by: person(who), text: 'Hello', mentions: [other.id], at }, who === actor)
    }
    case 5:
      return removeOne(of('post'), ({ key, value }) => lead || parseTeamValue(key, value)?.by.id === actor.id)
    case 6: {
      if (needId === null) return null
      const status = prng.pick(NEED_STATUSES)
      const declarer = parseTeamValue({ kind: 'need', needId }, map.get(entryKey({ kind: 'need', needId })))
        ?.by.id
      const mayMove =
        lead ||
        (actor.role === 'expert' && ['open', 'claimed', 'in-progress'].includes(status)) ||
        (actor.role === 'member' && declarer === actor.id && ['open', 'closed'].includes(status))
      const by = prng.chance(0.85) ? actor : other
      return set(
        { kind: 'status', needId, epoch: prng.int(3), status },
        { by: person(by), at },
        mayMove && by === actor,
      )
    }
    case 7: {
      const kept = held.filter(({ key }) => KEPT.has(key.kind))
      return kept.length === 0 ? null : remove(prng.pick(kept).raw, false)
    }
    case 8: {
      if (needs.length === 0 || prng.chance(0.3))
        return set(
          { kind: 'need', needId: `n${prng.int(1e6)}` as NeedId },
          needValue(person(who), at),
          who === actor,
        )
      const { key, value } = prng.pick(needs)
      const need = parseTeamValue(key, value)
      if (need === null) return null
      const keepsDeclarer = prng.chance(0.8)
      const edited = {
        ...need,
        title: `Edited ${at}`,
        editedAt: at,
        by: keepsDeclarer ? need.by : person(actor),
      }
      const allowed =
        (need.by.id === actor.id || lead) &&
        (keepsDeclarer || (need.by.id === actor.id && need.by.name === actor.name))
      return set(key, edited, allowed)
    }
    case 9: {
      if (needs.length < 2) return null
      const [from, into] = prng.shuffle(needs).map(({ key }) => key.needId)
      if (prng.chance(0.3)) return removeOne(of('merge'), () => lead)
      return set({ kind: 'merge', needId: from as NeedId }, { into, by: person(actor), at }, lead)
    }
    case 10: {
      if (prng.chance(0.3)) return removeOne(of('link'), () => lead)
      if (needId === null) return null
      return set(
        { kind: 'link', needId, courseId: prng.pick(COURSES) },
        { by: person(actor), at },
        isAuthor(actor),
      )
    }
    case 11: {
      const courseId = prng.pick(COURSES)
      const key = { kind: 'course', courseId } as const
      const course = parseTeamValue(key, map.get(entryKey(key)))
      if (course === null)
        return set(key, { title: 'Course', needId, by: person(who), at }, isAuthor(actor) && who === actor)
      const keeps = prng.chance(0.8)
      return set(
        key,
        { ...course, title: `Retitled ${at}`, ...(keeps ? {} : { at: at + 1 }) },
        isAuthor(actor) && keeps,
      )
    }
    case 12: {
      const courseId = prng.pick(COURSES)
      if (prng.chance(0.3)) {
        // Publishing and unpublishing: the published entry is a lead's alone.
        const published = of('published')
        if (published.length > 0 && prng.chance(0.4)) return removeOne(published, () => lead)
        return set({ kind: 'published', courseId }, { by: person(who), at }, lead && who === actor)
      }
      // Publication is never a course state: `published` there is not well-formed, whoever writes it.
      const state = prng.pick(COURSE_STATES)
      const allowed = isAuthor(actor) && state !== 'published' && who === actor
      return set({ kind: 'courseState', courseId }, { state, by: person(who), at }, allowed)
    }
    case 13: {
      const progress = {
        lessons: prng.int(9),
        words: prng.int(999),
        openComments: 0,
        coAuthors: [person(actor)],
      }
      const value = { ...progress, lastEditBy: person(other), lastEditAt: at, at }
      return set({ kind: 'progress', courseId: prng.pick(COURSES) }, value, isAuthor(actor))
    }
    case 14:
      switch (prng.int(4)) {
        case 0: {
          const role = prng.chance(0.7) ? actor.role : prng.pick(['member', 'expert', 'lead'] as const)
          return set(
            { kind: 'member', userId: who.id },
            { name: who.name, role, at },
            who === actor && role === actor.role,
          )
        }
        case 1:
          return set({ kind: 'read', userId: who.id, itemKey: `item-${prng.int(5)}` }, { at }, who === actor)
        case 2:
          return removeOne(of('read'), ({ key }) => key.userId === actor.id)
        default:
          return set({ kind: 'team' }, { name: 'Team', by: person(actor), at }, lead)
      }
    default: {
      // What no entry holds: malformed values, keys that are not entries (or an entry spelt another way), types.
      const own = { kind: 'vote', needId: needId ?? 'n0', userId: actor.id } as TeamKey
      return prng.pick<() => Change>([
        () => set(own, { name: actor.name, at, extra: 1 }, false),
        () => set(own, { name: actor.name, at: 'soon' }, false),
        () => set(own, 'yes', false),
        () => set(`["vote", "${needId ?? 'n0'}", "${actor.id}"]`, { name: actor.name, at }, false),
        () => set('notes', { at }, false),
        () => set({ kind: 'read', userId: actor.id, itemKey: 'x' }, new Y.Map(), false),
        () =>
          set(
            { kind: 'need', needId: 'n-bad' as NeedId },
            { ...needValue(person(actor), at), title: '' },
            false,
          ),
      ])()
    }
  }
}

/**
 * A course the device knows (registered again, with a new title), or a new one. New course ids are random in the
 * app, so two people never create the same one; here each person's new ids are their own.
 */
const courseToRegister = (prng: Prng, { actor, doc }: Device): CourseId => {
  const known = readTeam(doc, TEAM).courses.map(({ id }) => id)
  return known.length > 0 && prng.chance(0.5) ? prng.pick(known) : (`${actor.id}-c${prng.int(3)}` as CourseId)
}

/** A course the device knows, so its command has something to move; a crafted one's id when it knows none. */
const courseToMove = (prng: Prng, doc: Y.Doc): CourseId => {
  const known = readTeam(doc, TEAM).courses.map(({ id }) => id)
  return prng.pick(known.length > 0 ? known : COURSES)
}

/** What honest devices do offline with the team commands; a command refusing (RangeError) writes nothing. */
const randomCommand = (prng: Prng, device: Device): void => {
  const { actor, doc } = device
  const needs = readTeam(doc, TEAM).needs
  const needId = needs.length === 0 ? null : prng.pick(needs).id
  const at = prng.int(1e6)
  const commands: (() => void)[] = [
    () => declareNeed(doc, actor, { ...FIELDS, title: `Need ${at}` }, at),
    () => recordMember(doc, actor, at),
    () => markRead(doc, actor, [`item-${prng.int(5)}`], at),
  ]
  if (needId !== null)
    commands.push(
      () => editNeed(doc, actor, needId, { ...FIELDS, context: `Edit ${at}` }, at),
      () => setVote(doc, actor, needId, prng.chance(0.6), at),
      () => postToNeed(doc, actor, needId, `Post ${at}`, [prng.pick(PEOPLE).id], at),
      () => setNeedStatus(doc, actor, needId, prng.pick(NEED_STATUSES), at),
    )
  if (isAuthor(actor) && needId !== null)
    commands.push(
      () =>
        setClaim(
          doc,
          actor,
          needId,
          person(actor.role === 'lead' ? prng.pick([EVE, XAV]) : actor),
          prng.chance(0.7),
          at,
        ),
      () =>
        registerTeamCourse(
          doc,
          actor,
          { courseId: courseToRegister(prng, device), title: `Course ${at}`, needId },
          at,
        ),
    )
  if (isAuthor(actor)) {
    const progress = {
      lessons: prng.int(9),
      words: prng.int(999),
      openComments: 0,
      coAuthors: [],
      lastEditBy: null,
      lastEditAt: null,
    }
    commands.push(
      () => setCourseProgress(doc, actor, prng.pick(COURSES), progress, at),
      // An expert asking to publish, or to move a course they see published, is refused by the command.
      () => setCourseState(doc, actor, courseToMove(prng, doc), prng.pick(COURSE_STATES), at),
    )
  }
  if (actor.role === 'lead') {
    const other = needs.length === 0 ? null : prng.pick(needs).id
    commands.push(
      () => renameTeam(doc, actor, `Team ${at}`, at),
      () => (needId === null || other === null ? undefined : mergeNeed(doc, actor, needId, other, at)),
      () => (needId === null ? undefined : unmergeNeed(doc, actor, needId)),
    )
  }
  try {
    prng.pick(commands)()
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
  }
}

/** What `change` sends from `doc`: every update it emits, merged, as a provider would relay them. */
const sent = (doc: Y.Doc, change: () => void): Uint8Array => {
  const updates: Uint8Array[] = []
  const record = (update: Uint8Array) => updates.push(update)
  doc.on('update', record)
  change()
  doc.off('update', record)
  return Y.mergeUpdates(updates)
}

/** The keys of entries nobody may remove. */
const keptKeys = (doc: Y.Doc): string[] =>
  heldEntries(doc.getMap(TEAM_ROOT))
    .filter(({ key }) => KEPT.has(key.kind))
    .map(({ raw }) => raw)

/** The relay applies a judged update: afterwards every entry is well-formed and nothing kept was removed. */
const applyOnRelay = (relay: Y.Doc, update: Uint8Array, where: string): void => {
  const kept = keptKeys(relay)
  Y.applyUpdate(relay, update)
  const map = relay.getMap(TEAM_ROOT)
  for (const [raw, value] of map.entries()) {
    const key = parseTeamKey(raw)
    expect(key !== null && isValidValue(key, value), `${where}: ${raw} = ${JSON.stringify(value)}`).toBe(true)
  }
  expect(
    kept.filter((raw) => !map.has(raw)),
    where,
  ).toEqual([])
}

/** Brings a device and the relay up to date with each other, as a reconnect would; the device's part is judged. */
const syncDevice = (relay: Y.Doc, device: Device, where: string): void => {
  const update = Y.encodeStateAsUpdate(device.doc, Y.encodeStateVector(relay))
  const verdict = checkTeamUpdate(relay, Y.decodeUpdate(update), writer(device.actor))
  expect(verdict, `${where}: ${device.actor.id} syncs`).toEqual({ ok: true, value: undefined })
  applyOnRelay(relay, update, where)
  Y.applyUpdate(device.doc, Y.encodeStateAsUpdate(relay, Y.encodeStateVector(device.doc)))
}

const run = (seed: number): void => {
  const prng = createPrng(seed)
  const relay = new Y.Doc()
  // Ann has two devices, which may both be offline at once.
  const devices: Device[] = [ANN, ...PEOPLE].map((actor) => ({ actor, doc: new Y.Doc() }))
  for (let step = 0; step < STEPS; step++) {
    const where = `seed ${seed} step ${step}`
    const device = prng.pick(devices)
    const action = prng.int(5)
    if (action === 0 || action === 1) randomCommand(prng, device)
    else if (action === 2) syncDevice(relay, device, where)
    else {
      // A crafted update from a fresh copy of the relay's document: several raw changes to distinct keys.
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(relay))
      const changes: Change[] = []
      for (let count = 1 + prng.int(3); count > 0; count--) {
        const change = randomChange(prng, copy, device.actor)
        if (change !== null && !changes.some((earlier) => earlier.key === change.key)) changes.push(change)
      }
      if (changes.length === 0) continue
      const map = copy.getMap(TEAM_ROOT)
      const update = prng.chance(0.5)
        ? sent(copy, () => copy.transact(() => changes.forEach((change) => change.apply(map))))
        : sent(copy, () => changes.forEach((change) => change.apply(map)))
      const verdict = checkTeamUpdate(relay, Y.decodeUpdate(update), writer(device.actor))
      const allowed = changes.every((change) => change.allowed)
      const what = changes.map(({ key, allowed: ok }) => `${ok ? '+' : '-'}${key}`).join(' ')
      expect(verdict.ok, `${where} ${device.actor.id} ${what}: ${JSON.stringify(verdict)}`).toBe(allowed)
      if (verdict.ok) applyOnRelay(relay, update, where)
      else expect(verdict.error.kind).toBe('not-allowed')
    }
  }
  // Everyone reconnects twice (the second round brings what others sent in the first): all converge.
  for (let round = 0; round < 2; round++)
    for (const device of devices) syncDevice(relay, device, `seed ${seed} round ${round}`)
  for (const device of devices) expect(readTeam(device.doc, TEAM)).toEqual(readTeam(relay, TEAM))
}

describe('team guard under random updates', () => {
  it(`accepts exactly the updates whose every change the writer's role allows (${SEEDS} seeds)`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) run(seed)
  })
})
