/**
 * Reading a team document as plain snapshots (types.ts). Entries that are not well-formed (a key or value no
 * version of Chorus writes) are skipped rather than shown half-read; everything is ordered by its content, never
 * by the order a device learnt the keys in, so every device shows the same.
 */
import type * as Y from 'yjs'
import type { CourseId } from '../course/types'
import {
  parseTeamKey,
  parseTeamValue,
  type Stamp,
  type StoredCourse,
  type StoredCourseState,
  type StoredNeed,
  type TeamKey,
} from './entries'
import { resolveMerges } from './merges'
import { decideStatus, statusOfDecision, type StatusEntry } from './status'
import { entriesUnder, getEntry, teamEntries } from './team-store'
import type {
  CourseProgress,
  CourseState,
  NeedClaim,
  NeedId,
  NeedPost,
  NeedSnapshot,
  TeamCourse,
  TeamId,
  TeamMember,
  TeamPerson,
  TeamSnapshot,
} from './types'

/**
 * A team course's publication state: published while its published entry exists, else its draft/review state;
 * null when the course is not in this team's catalog. Reads at most three entries directly: the relay calls it at
 * every member's connection to a course.
 */
export const courseStateOf = (doc: Y.Doc, courseId: CourseId): CourseState | null => {
  if (getEntry(doc, { kind: 'published', courseId }) !== null) return 'published'
  const state = getEntry(doc, { kind: 'courseState', courseId })
  if (state !== null) return state.state
  return getEntry(doc, { kind: 'course', courseId }) === null ? null : 'draft'
}

/** The For me item keys the person has marked read. */
export const readMarks = (doc: Y.Doc, userId: string): ReadonlySet<string> =>
  new Set(entriesUnder(doc, 'read', userId).map(({ key }) => key.itemKey))

/**
 * Calls `onChange` after every transaction that touched the team document, local or remote. It is not called at
 * once: read the current state first. Returns the unsubscribe function.
 */
export const observeTeam = (doc: Y.Doc, onChange: () => void): (() => void) => {
  const entries = teamEntries(doc)
  const handler = () => onChange()
  entries.observe(handler)
  return () => entries.unobserve(handler)
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

interface Vote {
  readonly person: TeamPerson
  readonly at: number
}

/** Everything about each need, gathered in one pass over the entries. */
interface NeedParts {
  readonly votes: Map<NeedId, Vote[]>
  readonly claims: Map<NeedId, NeedClaim[]>
  readonly posts: Map<NeedId, NeedPost[]>
  readonly statuses: Map<NeedId, StatusEntry[]>
  readonly links: Map<NeedId, { courseId: CourseId; at: number }[]>
}

const add = <T>(map: Map<NeedId, T[]>, needId: NeedId, item: T): void => {
  const list = map.get(needId)
  if (list === undefined) map.set(needId, [item])
  else list.push(item)
}

interface Gathered {
  team: string | null
  readonly members: TeamMember[]
  readonly needs: Map<NeedId, StoredNeed>
  readonly merges: Map<NeedId, NeedId>
  readonly parts: NeedParts
  readonly courses: Map<CourseId, StoredCourse>
  readonly states: Map<CourseId, StoredCourseState>
  readonly published: Map<CourseId, Stamp>
  readonly progress: Map<CourseId, CourseProgress & { at: number }>
}

const gather = (doc: Y.Doc): Gathered => {
  const out: Gathered = {
    team: null,
    members: [],
    needs: new Map(),
    merges: new Map(),
    parts: { votes: new Map(), claims: new Map(), posts: new Map(), statuses: new Map(), links: new Map() },
    courses: new Map(),
    states: new Map(),
    published: new Map(),
    progress: new Map(),
  }
  const { parts } = out
  for (const [raw, value] of teamEntries(doc).entries()) {
    const key: TeamKey | null = parseTeamKey(raw)
    if (key === null) continue
    switch (key.kind) {
      case 'team': {
        const team = parseTeamValue(key, value)
        if (team !== null) out.team = team.name
        break
      }
      case 'member': {
        const member = parseTeamValue(key, value)
        if (member !== null)
          out.members.push({ id: key.userId, name: member.name, role: member.role, seenAt: member.at })
        break
      }
      case 'need': {
        const need = parseTeamValue(key, value)
        if (need !== null) out.needs.set(key.needId, need)
        break
      }
      case 'vote': {
        const vote = parseTeamValue(key, value)
        if (vote !== null)
          add(parts.votes, key.needId, { person: { id: key.userId, name: vote.name }, at: vote.at })
        break
      }
      case 'claim': {
        const claim = parseTeamValue(key, value)
        if (claim !== null) add(parts.claims, key.needId, claim)
        break
      }
      case 'post': {
        const post = parseTeamValue(key, value)
        if (post !== null)
          add(parts.posts, key.needId, {
            id: key.postId,
            author: post.by,
            text: post.text,
            mentions: post.mentions,
            at: post.at,
          })
        break
      }
      case 'status': {
        const stamp = parseTeamValue(key, value)
        if (stamp !== null)
          add(parts.statuses, key.needId, { epoch: key.epoch, status: key.status, ...stamp })
        break
      }
      case 'merge': {
        const merge = parseTeamValue(key, value)
        if (merge !== null) out.merges.set(key.needId, merge.into)
        break
      }
      case 'link': {
        const stamp = parseTeamValue(key, value)
        if (stamp !== null) add(parts.links, key.needId, { courseId: key.courseId, at: stamp.at })
        break
      }
      case 'course': {
        const course = parseTeamValue(key, value)
        if (course !== null) out.courses.set(key.courseId, course)
        break
      }
      case 'courseState': {
        const state = parseTeamValue(key, value)
        if (state !== null) out.states.set(key.courseId, state)
        break
      }
      case 'published': {
        const stamp = parseTeamValue(key, value)
        if (stamp !== null) out.published.set(key.courseId, stamp)
        break
      }
      case 'progress': {
        const progress = parseTeamValue(key, value)
        if (progress !== null) out.progress.set(key.courseId, progress)
        break
      }
      case 'read':
        break
    }
  }
  return out
}

/** Each person once, with their earliest vote, in the order they voted. */
const distinctVoters = (votes: readonly Vote[]): TeamPerson[] => {
  const first = new Map<string, Vote>()
  for (const vote of votes) {
    const held = first.get(vote.person.id)
    if (
      held === undefined ||
      vote.at < held.at ||
      (vote.at === held.at && vote.person.name < held.person.name)
    )
      first.set(vote.person.id, vote)
  }
  return [...first.values()]
    .sort((a, b) => a.at - b.at || byText(a.person.id, b.person.id))
    .map((vote) => vote.person)
}

const needSnapshot = (
  needId: NeedId,
  need: StoredNeed,
  gathered: Gathered,
  mergedInto: NeedId | null,
  mergedFrom: readonly NeedId[],
  courseIds: readonly CourseId[],
): NeedSnapshot => {
  const { parts } = gathered
  const decision = decideStatus(parts.statuses.get(needId) ?? [])
  const votes = [needId, ...mergedFrom].flatMap((id) => parts.votes.get(id) ?? [])
  return {
    id: needId,
    title: need.title,
    outcome: need.outcome,
    audience: need.audience,
    urgency: need.urgency,
    due: need.due,
    context: need.context,
    links: need.links,
    declaredBy: need.by,
    declaredAt: need.at,
    status: statusOfDecision(decision),
    statusBy: decision?.by ?? null,
    statusAt: decision?.at ?? null,
    voters: distinctVoters(votes),
    claims: [...(parts.claims.get(needId) ?? [])].sort(
      (a, b) => a.at - b.at || byText(a.expert.id, b.expert.id),
    ),
    posts: [...(parts.posts.get(needId) ?? [])].sort((a, b) => a.at - b.at || byText(a.id, b.id)),
    courseIds,
    mergedInto,
    mergedFrom,
  }
}

/** Courses answering each need: its links, oldest first, and the courses created for it. */
const coursesByNeed = (gathered: Gathered): Map<NeedId, CourseId[]> => {
  const found = new Map<NeedId, { courseId: CourseId; at: number }[]>()
  const add = (needId: NeedId, courseId: CourseId, at: number) => {
    const list = found.get(needId) ?? []
    const held = list.find((link) => link.courseId === courseId)
    if (held === undefined) list.push({ courseId, at })
    else held.at = Math.min(held.at, at)
    found.set(needId, list)
  }
  for (const [needId, links] of gathered.parts.links)
    for (const link of links) add(needId, link.courseId, link.at)
  for (const [courseId, course] of gathered.courses)
    if (course.needId !== null) add(course.needId, courseId, course.at)
  const out = new Map<NeedId, CourseId[]>()
  for (const [needId, links] of found)
    out.set(
      needId,
      links.sort((a, b) => a.at - b.at || byText(a.courseId, b.courseId)).map((link) => link.courseId),
    )
  return out
}

/** The course's state and who set it: its publication while it is published, else its draft/review entry. */
const stateOfCourse = (
  courseId: CourseId,
  gathered: Gathered,
): { state: CourseState; by: TeamPerson; at: number } | null => {
  const published = gathered.published.get(courseId)
  if (published !== undefined) return { state: 'published', ...published }
  return gathered.states.get(courseId) ?? null
}

const teamCourse = (courseId: CourseId, course: StoredCourse, gathered: Gathered): TeamCourse => {
  const state = stateOfCourse(courseId, gathered)
  const stored = gathered.progress.get(courseId) ?? null
  const progress: CourseProgress | null =
    stored === null
      ? null
      : {
          lessons: stored.lessons,
          words: stored.words,
          openComments: stored.openComments,
          coAuthors: stored.coAuthors,
          lastEditBy: stored.lastEditBy,
          lastEditAt: stored.lastEditAt,
        }
  return {
    id: courseId,
    title: course.title,
    needId: course.needId,
    createdBy: course.by,
    createdAt: course.at,
    state: state?.state ?? 'draft',
    stateBy: state?.by ?? null,
    stateAt: state?.at ?? null,
    progress,
    lastActivityAt: Math.max(
      course.at,
      state?.at ?? 0,
      // An expert's draft/review move made while the course is published is activity too.
      gathered.states.get(courseId)?.at ?? 0,
      stored?.at ?? 0,
      stored?.lastEditAt ?? 0,
    ),
  }
}

export const readTeam = (doc: Y.Doc, teamId: TeamId): TeamSnapshot => {
  const gathered = gather(doc)
  const merges = resolveMerges(gathered.merges, new Set(gathered.needs.keys()))
  const courseIds = coursesByNeed(gathered)
  const needs = [...gathered.needs]
    .map(([needId, need]) =>
      needSnapshot(
        needId,
        need,
        gathered,
        merges.targetOf.get(needId) ?? null,
        merges.mergedFrom.get(needId) ?? [],
        courseIds.get(needId) ?? [],
      ),
    )
    .sort((a, b) => b.declaredAt - a.declaredAt || byText(a.id, b.id))
  const courses = [...gathered.courses]
    .map(([courseId, course]) => teamCourse(courseId, course, gathered))
    .sort((a, b) => b.createdAt - a.createdAt || byText(a.id, b.id))
  const members = gathered.members.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
  return { id: teamId, name: gathered.team ?? teamId, members, needs, courses }
}
