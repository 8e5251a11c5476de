/**
 * The entries of a team document as plain data: the key grammar (what each key names) and what each kind of value
 * must hold. Written by the members' apps (team-doc.ts), read by `readTeam` (read.ts) and checked by the relay
 * (change-guard.ts), so every reader validates instead of trusting a peer.
 *
 * A key is a JSON array, so any id fits without escaping rules: `["team"]`, `["member", userId]`,
 * `["need", needId]`, `["vote", needId, userId]`, `["claim", needId, expertId]`, `["post", needId, postId]`,
 * `["status", needId, epoch, status]` (epoch a JSON number), `["merge", needId]`, `["link", needId, courseId]`,
 * `["course", courseId]`, `["courseState", courseId]`, `["published", courseId]`, `["progress", courseId]`,
 * `["read", userId, itemKey]`.
 *
 * A course's publication lives apart from its draft/review state: `courseState` holds only draft or review, and
 * the lead-only `published` entry exists while the course is published. So an expert's offline move between draft
 * and review never meets a value they could not see (a lead's publication made meanwhile), and both land.
 */
import type { CourseId } from '../course/types'
import { isCourseId } from '../protocol/rooms'
import { isTeamRole, type TeamRole } from '../protocol/token'
import {
  NEED_STATUSES,
  URGENCIES,
  type CourseState,
  type NeedId,
  type NeedStatus,
  type PostId,
  type TeamPerson,
  type Urgency,
} from './types'

/** Longest user id (a token's `sub`) an entry may carry. */
export const MAX_ID_LENGTH = 64
/** Longest display name an entry may carry (a token's `name`). */
export const MAX_NAME_LENGTH = 200
/** Longest need title, course title and team name. */
export const MAX_TITLE_LENGTH = 200
/** Longest outcome, audience, context and post text. */
export const MAX_TEXT_LENGTH = 4000
export const MAX_LINKS = 20
export const MAX_LINK_LENGTH = 2000
export const MAX_MENTIONS = 50
/** Highest status epoch: a need moved back a million times is not a real need. */
export const MAX_EPOCH = 1_000_000
/** Longest For me item key a read mark names (inbox.ts builds them from two ids and a prefix). */
export const MAX_ITEM_KEY_LENGTH = 256
/** Most co-authors a progress entry lists. */
export const MAX_CO_AUTHORS = 50

export type TeamKey =
  | { readonly kind: 'team' }
  | { readonly kind: 'member'; readonly userId: string }
  | { readonly kind: 'need'; readonly needId: NeedId }
  | { readonly kind: 'vote'; readonly needId: NeedId; readonly userId: string }
  | { readonly kind: 'claim'; readonly needId: NeedId; readonly expertId: string }
  | { readonly kind: 'post'; readonly needId: NeedId; readonly postId: PostId }
  | {
      readonly kind: 'status'
      readonly needId: NeedId
      readonly epoch: number
      readonly status: NeedStatus
    }
  | { readonly kind: 'merge'; readonly needId: NeedId }
  | { readonly kind: 'link'; readonly needId: NeedId; readonly courseId: CourseId }
  | { readonly kind: 'course'; readonly courseId: CourseId }
  | { readonly kind: 'courseState'; readonly courseId: CourseId }
  | { readonly kind: 'published'; readonly courseId: CourseId }
  | { readonly kind: 'progress'; readonly courseId: CourseId }
  | { readonly kind: 'read'; readonly userId: string; readonly itemKey: string }

export type TeamKeyKind = TeamKey['kind']
export type TeamKeyOf<K extends TeamKeyKind> = Extract<TeamKey, { readonly kind: K }>

/** Who wrote an entry and when: the `by` and `at` most values carry. */
export interface Stamp {
  readonly by: TeamPerson
  readonly at: number
}

export interface StoredTeam extends Stamp {
  readonly name: string
}

export interface StoredMember {
  readonly name: string
  readonly role: TeamRole
  readonly at: number
}

export interface StoredNeed extends Stamp {
  readonly title: string
  readonly outcome: string
  readonly audience: string
  readonly urgency: Urgency
  readonly due: string | null
  readonly context: string
  readonly links: readonly string[]
  /** Null until the need is first edited. */
  readonly editedAt: number | null
}

export interface StoredVote {
  readonly name: string
  readonly at: number
}

export interface StoredClaim extends Stamp {
  readonly expert: TeamPerson
}

export interface StoredPost extends Stamp {
  readonly text: string
  readonly mentions: readonly string[]
}

export interface StoredMerge extends Stamp {
  readonly into: NeedId
}

export interface StoredCourse extends Stamp {
  readonly title: string
  readonly needId: NeedId | null
}

/** The states a courseState entry holds; publication is the `published` entry's, not a state written here. */
export const WORKING_STATES = ['draft', 'review'] as const satisfies readonly CourseState[]
export type WorkingState = (typeof WORKING_STATES)[number]

export interface StoredCourseState extends Stamp {
  readonly state: WorkingState
}

export interface StoredProgress {
  readonly lessons: number
  readonly words: number
  readonly openComments: number
  readonly coAuthors: readonly TeamPerson[]
  readonly lastEditBy: TeamPerson | null
  readonly lastEditAt: number | null
  readonly at: number
}

export interface StoredRead {
  readonly at: number
}

/** What an entry under each kind of key stores. */
export interface TeamValues {
  readonly team: StoredTeam
  readonly member: StoredMember
  readonly need: StoredNeed
  readonly vote: StoredVote
  readonly claim: StoredClaim
  readonly post: StoredPost
  readonly status: Stamp
  readonly merge: StoredMerge
  readonly link: Stamp
  readonly course: StoredCourse
  readonly courseState: StoredCourseState
  /** Who published the course, and when. */
  readonly published: Stamp
  readonly progress: StoredProgress
  readonly read: StoredRead
}

// ---- keys ----

const ID_SPELLING = /^[A-Za-z0-9_-]{1,64}$/

/** Need and post ids are spelled like course ids (letters, digits, `_`, `-`), so they fit in routes as they are. */
export const isNeedId = (value: unknown): value is NeedId =>
  typeof value === 'string' && ID_SPELLING.test(value)
export const isPostId = (value: unknown): value is PostId =>
  typeof value === 'string' && ID_SPELLING.test(value)
const isCourseIdValue = (value: unknown): value is CourseId => typeof value === 'string' && isCourseId(value)

/** A user id as tokens carry it: any non-empty string up to `MAX_ID_LENGTH`. */
export const isUserId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH

const isItemKey = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ITEM_KEY_LENGTH

const isNeedStatus = (value: unknown): value is NeedStatus =>
  typeof value === 'string' && (NEED_STATUSES as readonly string[]).includes(value)

export const isEpoch = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_EPOCH

export const entryKey = (key: TeamKey): string => {
  switch (key.kind) {
    case 'team':
      return JSON.stringify([key.kind])
    case 'member':
      return JSON.stringify([key.kind, key.userId])
    case 'need':
    case 'merge':
      return JSON.stringify([key.kind, key.needId])
    case 'vote':
      return JSON.stringify([key.kind, key.needId, key.userId])
    case 'claim':
      return JSON.stringify([key.kind, key.needId, key.expertId])
    case 'post':
      return JSON.stringify([key.kind, key.needId, key.postId])
    case 'status':
      return JSON.stringify([key.kind, key.needId, key.epoch, key.status])
    case 'link':
      return JSON.stringify([key.kind, key.needId, key.courseId])
    case 'course':
    case 'courseState':
    case 'published':
    case 'progress':
      return JSON.stringify([key.kind, key.courseId])
    case 'read':
      return JSON.stringify([key.kind, key.userId, key.itemKey])
  }
}

/** Longest key `entryKey` writes: four parts whose every character JSON may escape as six. */
const MAX_KEY_LENGTH = 4 * (6 * MAX_ITEM_KEY_LENGTH + 3)

const partsOf = (parts: readonly unknown[]): TeamKey | null => {
  const [kind, a, b, c] = parts
  switch (parts.length) {
    case 1:
      return kind === 'team' ? { kind } : null
    case 2:
      if (kind === 'member') return isUserId(a) ? { kind, userId: a } : null
      if (kind === 'need' || kind === 'merge') return isNeedId(a) ? { kind, needId: a } : null
      if (kind === 'course' || kind === 'courseState' || kind === 'published' || kind === 'progress')
        return isCourseIdValue(a) ? { kind, courseId: a } : null
      return null
    case 3:
      if (kind === 'read') return isUserId(a) && isItemKey(b) ? { kind, userId: a, itemKey: b } : null
      if (!isNeedId(a)) return null
      if (kind === 'vote') return isUserId(b) ? { kind, needId: a, userId: b } : null
      if (kind === 'claim') return isUserId(b) ? { kind, needId: a, expertId: b } : null
      if (kind === 'post') return isPostId(b) ? { kind, needId: a, postId: b } : null
      if (kind === 'link') return isCourseIdValue(b) ? { kind, needId: a, courseId: b } : null
      return null
    case 4:
      return kind === 'status' && isNeedId(a) && isEpoch(b) && isNeedStatus(c)
        ? { kind, needId: a, epoch: b, status: c }
        : null
    default:
      return null
  }
}

/**
 * The key's parts; null for anything that is not a key `entryKey` writes. Only that exact spelling counts: the
 * same parts spelt differently (spaces, escapes, `1.0` for `1`) would be a second entry for the same thing, and a
 * person could vote twice.
 */
export const parseTeamKey = (key: string): TeamKey | null => {
  if (key.length > MAX_KEY_LENGTH) return null
  let parts: unknown
  try {
    parts = JSON.parse(key)
  } catch {
    return null
  }
  if (!Array.isArray(parts)) return null
  const parsed = partsOf(parts)
  return parsed !== null && entryKey(parsed) === key ? parsed : null
}

// ---- values ----

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max
export const isName = (value: unknown): value is string => isText(value, MAX_NAME_LENGTH)
/** A title must say something: empty or blank ones are refused. */
export const isTitle = (value: unknown): value is string =>
  isText(value, MAX_TITLE_LENGTH) && value.trim().length > 0

const LINK = /^https?:\/\/[^\s]+$/i
export const isLink = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_LINK_LENGTH && LINK.test(value)

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
/** A due date, `YYYY-MM-DD`. */
export const isDueDate = (value: unknown): value is string => typeof value === 'string' && DATE.test(value)

const isUrgency = (value: unknown): value is Urgency =>
  typeof value === 'string' && (URGENCIES as readonly string[]).includes(value)
const isWorkingState = (value: unknown): value is WorkingState =>
  typeof value === 'string' && (WORKING_STATES as readonly string[]).includes(value)

export const parsePerson = (value: unknown): TeamPerson | null =>
  isRecord(value) && isUserId(value.id) && isName(value.name) ? { id: value.id, name: value.name } : null

const parseStamp = (value: Record<string, unknown>): Stamp | null => {
  const by = parsePerson(value.by)
  return by !== null && isTime(value.at) ? { by, at: value.at } : null
}

const parseList = <T>(value: unknown, max: number, parse: (item: unknown) => T | null): T[] | null => {
  if (!Array.isArray(value) || value.length > max) return null
  const out: T[] = []
  for (const item of value) {
    const parsed = parse(item)
    if (parsed === null) return null
    out.push(parsed)
  }
  return out
}

type Parser<V> = (value: Record<string, unknown>) => V | null

const parseTeam: Parser<StoredTeam> = (value) => {
  const stamp = parseStamp(value)
  return stamp !== null && isTitle(value.name) ? { name: value.name, ...stamp } : null
}

const parseMember: Parser<StoredMember> = ({ name, role, at }) =>
  isName(name) && isTeamRole(role) && isTime(at) ? { name, role, at } : null

const parseNeed: Parser<StoredNeed> = (value) => {
  const stamp = parseStamp(value)
  const { title, outcome, audience, urgency, due, context, editedAt } = value
  const links = parseList(value.links, MAX_LINKS, (link) => (isLink(link) ? link : null))
  if (stamp === null || links === null || !isTitle(title) || !isUrgency(urgency)) return null
  if (!isText(outcome, MAX_TEXT_LENGTH) || !isText(audience, MAX_TEXT_LENGTH)) return null
  if (!isText(context, MAX_TEXT_LENGTH) || !(due === null || isDueDate(due))) return null
  if (!(editedAt === null || isTime(editedAt))) return null
  return { title, outcome, audience, urgency, due, context, links, ...stamp, editedAt }
}

const parseVote: Parser<StoredVote> = ({ name, at }) => (isName(name) && isTime(at) ? { name, at } : null)

const parseClaim: Parser<StoredClaim> = (value) => {
  const stamp = parseStamp(value)
  const expert = parsePerson(value.expert)
  return stamp !== null && expert !== null ? { expert, ...stamp } : null
}

const parsePost: Parser<StoredPost> = (value) => {
  const stamp = parseStamp(value)
  const mentions = parseList(value.mentions, MAX_MENTIONS, (id) => (isUserId(id) ? id : null))
  const { text } = value
  if (stamp === null || mentions === null || !isText(text, MAX_TEXT_LENGTH) || text.trim().length === 0)
    return null
  return { ...stamp, text, mentions }
}

const parseMerge: Parser<StoredMerge> = (value) => {
  const stamp = parseStamp(value)
  return stamp !== null && isNeedId(value.into) ? { into: value.into, ...stamp } : null
}

const parseCourse: Parser<StoredCourse> = (value) => {
  const stamp = parseStamp(value)
  const { title, needId } = value
  return stamp !== null && isTitle(title) && (needId === null || isNeedId(needId))
    ? { title, needId, ...stamp }
    : null
}

const parseCourseState: Parser<StoredCourseState> = (value) => {
  const stamp = parseStamp(value)
  return stamp !== null && isWorkingState(value.state) ? { state: value.state, ...stamp } : null
}

const parseProgress: Parser<StoredProgress> = (value) => {
  const { lessons, words, openComments, lastEditAt, at } = value
  const coAuthors = parseList(value.coAuthors, MAX_CO_AUTHORS, parsePerson)
  const lastEditBy = value.lastEditBy === null ? null : parsePerson(value.lastEditBy)
  if (!isCount(lessons) || !isCount(words) || !isCount(openComments) || coAuthors === null) return null
  if ((lastEditBy === null && value.lastEditBy !== null) || !(lastEditAt === null || isTime(lastEditAt)))
    return null
  return isTime(at) ? { lessons, words, openComments, coAuthors, lastEditBy, lastEditAt, at } : null
}

const parseRead: Parser<StoredRead> = ({ at }) => (isTime(at) ? { at } : null)

const PARSERS: { readonly [K in TeamKeyKind]: Parser<TeamValues[K]> } = {
  team: parseTeam,
  member: parseMember,
  need: parseNeed,
  vote: parseVote,
  claim: parseClaim,
  post: parsePost,
  status: parseStamp,
  merge: parseMerge,
  link: parseStamp,
  course: parseCourse,
  courseState: parseCourseState,
  published: parseStamp,
  progress: parseProgress,
  read: parseRead,
}

/** Whether the value agrees with what its key names: a claim names the key's expert, a merge another need. */
const agreesWithKey = (key: TeamKey, value: TeamValues[TeamKeyKind]): boolean => {
  if (key.kind === 'claim') return (value as StoredClaim).expert.id === key.expertId
  if (key.kind === 'merge') return (value as StoredMerge).into !== key.needId
  return true
}

/**
 * The value an entry under `key` holds, if it is well-formed; null otherwise. Lenient about fields it does not
 * know (a later version may add some); `isValidValue` is the strict check.
 */
export const parseTeamValue = <K extends TeamKey>(key: K, value: unknown): TeamValues[K['kind']] | null => {
  if (!isRecord(value)) return null
  const parse = PARSERS[key.kind as K['kind']]
  const parsed = parse(value)
  return parsed !== null && agreesWithKey(key, parsed) ? parsed : null
}

/** Deep equality of plain JSON values, ignoring the order of object fields. */
const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
  if (!isRecord(a) || !isRecord(b)) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]))
}

/**
 * Whether `value` is exactly what an entry under `key` may hold: well-formed, within the limits, agreeing with the
 * key, and with no field besides the ones above (the relay stores nothing it does not know). Who may write it is
 * the guard's question, not this one's.
 */
export const isValidValue = (key: TeamKey, value: unknown): boolean => {
  const parsed = parseTeamValue(key, value)
  // The parsed value rebuilds every known field, so any extra field (here or in a nested person) makes them differ.
  return parsed !== null && sameJson(parsed, value)
}

// ---- small readers (for the guard, which judges single values) ----

/** The `by` an entry's value carries (most kinds); null if it carries none or it is not a person. */
export const byOf = (value: unknown): TeamPerson | null => (isRecord(value) ? parsePerson(value.by) : null)
/** The `name` of a member or vote value. */
export const nameOf = (value: unknown): string | null =>
  isRecord(value) && isName(value.name) ? value.name : null
/** The `role` of a member value. */
export const roleOf = (value: unknown): TeamRole | null =>
  isRecord(value) && isTeamRole(value.role) ? value.role : null
/** The `state` of a courseState value. */
export const stateOf = (value: unknown): WorkingState | null =>
  isRecord(value) && isWorkingState(value.state) ? value.state : null
/** The `expert` of a claim value. */
export const expertOf = (value: unknown): TeamPerson | null =>
  isRecord(value) ? parsePerson(value.expert) : null
/** The status a status key records (it lives in the key, the value is only who and when). */
export const statusOf = (key: TeamKey): NeedStatus | null => (key.kind === 'status' ? key.status : null)
