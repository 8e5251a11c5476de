/**
 * Who may write and remove which team entry: the table of issue 12 as code, judged one entry at a time by
 * change-guard.ts, which works out what an update writes and removes. Every `by` must be the writer, under the
 * name their token carries (identity is the relay's); what a role may do follows the commands in team-doc.ts.
 *
 * | key                          | create / overwrite                                          | remove            |
 * | ---------------------------- | ----------------------------------------------------------- | ----------------- |
 * | team                         | lead                                                        | nobody            |
 * | member userId                | userId itself, with its token's name and role               | nobody            |
 * | need needId                  | anyone; overwrite: its declarer or a lead, `by` kept        | nobody            |
 * | vote needId userId           | userId itself                                               | userId itself     |
 * | claim needId expertId        | an expert for themselves; a lead for anyone                 | expertId, a lead  |
 * | post needId postId           | anyone; never overwritten                                   | its writer, lead  |
 * | status needId epoch status   | its declarer: open/closed; expert: open, claimed,           | nobody            |
 * |                              | in-progress; lead: any (status-rights.ts)                   |                   |
 * | merge needId                 | lead                                                        | lead              |
 * | link needId courseId         | expert, lead                                                | lead              |
 * | course courseId              | expert, lead; overwrite keeps `by`, `at` and `needId`       | nobody            |
 * | courseState courseId         | expert, lead (draft or review)                              | nobody            |
 * | published courseId           | lead                                                        | lead              |
 * | progress courseId            | expert, lead                                                | nobody            |
 * | read userId itemKey          | userId itself                                               | userId itself     |
 *
 * A status entry written again (two experts claiming at once, offline) is judged as the creation it is for its
 * writer: statuses are append-only in meaning, and refusing the second would stop that device syncing for good.
 *
 * No rule depends on a value a concurrent offline writer could not have seen: a refused update is sent again at
 * every reconnect, so such a rule would stop that device's team space syncing for good. That is why publication
 * is an entry of its own (a lead's), and an expert's draft/review move is judged without looking at it.
 */
import type { TeamRole } from '../protocol/token'
import { parseTeamValue, type TeamKey } from './entries'
import { statusesAllowed } from './status-rights'
import type { NeedId, TeamPerson } from './types'

/**
 * Who sent the update: the token's user id (`sub`), display name and team role. Null `name` (the relay's `--open`
 * mode, no tokens) accepts any name.
 */
export interface TeamWriter {
  readonly id: string
  readonly name: string | null
  readonly role: TeamRole
}

/** What rules need beyond the entry and the value the document holds at its key. */
export interface RuleContext {
  readonly writer: TeamWriter
  /** Who declared the need, as the document holds it or the update being judged declares it; null if neither. */
  declarerOf(needId: NeedId): string | null
}

const isLead = (writer: TeamWriter): boolean => writer.role === 'lead'
const authors = (writer: TeamWriter): boolean => writer.role === 'expert' || writer.role === 'lead'
const samePerson = (a: TeamPerson, b: TeamPerson): boolean => a.id === b.id && a.name === b.name

/** Why `name` is not the writer's token name; null if it is. */
const nameRefusal = (name: string, writer: TeamWriter): string | null =>
  writer.name === null || name === writer.name ? null : 'under another name than the token carries'

/** Why `person` is not the writer; null if it is. */
const writerRefusal = (person: TeamPerson, writer: TeamWriter): string | null =>
  person.id === writer.id ? nameRefusal(person.name, writer) : "in another person's name"

const ONLY_LEAD = 'only a team lead may'
const ONLY_AUTHORS = 'only experts and leads may'

/**
 * Why `writer` may not write `value` (well-formed: `isValidValue`) at `key`, where the document holds `held` now
 * (undefined: nothing, or nothing any reader accepts); null if they may.
 */
export const writeRefusal = (
  key: TeamKey,
  value: unknown,
  held: unknown,
  { writer, declarerOf }: RuleContext,
): string | null => {
  switch (key.kind) {
    case 'team': {
      const team = parseTeamValue(key, value)
      if (!isLead(writer)) return `${ONLY_LEAD} name the team`
      return team === null ? 'not well-formed' : writerRefusal(team.by, writer)
    }
    case 'member': {
      const member = parseTeamValue(key, value)
      if (key.userId !== writer.id) return "another person's member entry"
      if (member === null) return 'not well-formed'
      if (member.role !== writer.role) return 'with another role than the token carries'
      return nameRefusal(member.name, writer)
    }
    case 'need': {
      const need = parseTeamValue(key, value)
      if (need === null) return 'not well-formed'
      const before = held === undefined ? null : parseTeamValue(key, held)
      if (before === null) return writerRefusal(need.by, writer)
      if (before.by.id !== writer.id && !isLead(writer))
        return 'only its declarer or a team lead may edit a need'
      return samePerson(need.by, before.by) ? null : 'an edit that changes who declared the need'
    }
    case 'vote': {
      const vote = parseTeamValue(key, value)
      if (key.userId !== writer.id) return "another person's vote"
      return vote === null ? 'not well-formed' : nameRefusal(vote.name, writer)
    }
    case 'claim': {
      const claim = parseTeamValue(key, value)
      if (!authors(writer)) return `${ONLY_AUTHORS} claim needs`
      if (claim === null) return 'not well-formed'
      if (key.expertId === writer.id)
        return writerRefusal(claim.expert, writer) ?? writerRefusal(claim.by, writer)
      return isLead(writer) ? writerRefusal(claim.by, writer) : `${ONLY_LEAD} assign a need to someone else`
    }
    case 'post': {
      const post = parseTeamValue(key, value)
      if (held !== undefined) return 'a post is never rewritten'
      return post === null ? 'not well-formed' : writerRefusal(post.by, writer)
    }
    case 'status': {
      const stamp = parseTeamValue(key, value)
      if (stamp === null) return 'not well-formed'
      const by = writerRefusal(stamp.by, writer)
      if (by !== null || writer.role === 'lead') return by
      if (statusesAllowed(writer.role, declarerOf(key.needId) === writer.id).has(key.status)) return null
      if (writer.role === 'member' && (key.status === 'open' || key.status === 'closed'))
        return 'a member moves only needs they declared'
      return `${writer.role}s may not mark a need ${key.status}`
    }
    case 'merge': {
      const merge = parseTeamValue(key, value)
      if (!isLead(writer)) return `${ONLY_LEAD} merge needs`
      return merge === null ? 'not well-formed' : writerRefusal(merge.by, writer)
    }
    case 'link': {
      const link = parseTeamValue(key, value)
      if (!authors(writer)) return `${ONLY_AUTHORS} link courses to needs`
      return link === null ? 'not well-formed' : writerRefusal(link.by, writer)
    }
    case 'course': {
      const course = parseTeamValue(key, value)
      if (!authors(writer)) return `${ONLY_AUTHORS} create team courses`
      if (course === null) return 'not well-formed'
      const before = held === undefined ? null : parseTeamValue(key, held)
      if (before === null) return writerRefusal(course.by, writer)
      const kept =
        samePerson(course.by, before.by) && course.at === before.at && course.needId === before.needId
      return kept ? null : "an edit that changes a course's creator, time or need"
    }
    case 'courseState': {
      const state = parseTeamValue(key, value)
      if (!authors(writer)) return `${ONLY_AUTHORS} change the state of team courses`
      return state === null ? 'not well-formed' : writerRefusal(state.by, writer)
    }
    case 'published': {
      const stamp = parseTeamValue(key, value)
      if (!isLead(writer)) return `${ONLY_LEAD} publish a course`
      return stamp === null ? 'not well-formed' : writerRefusal(stamp.by, writer)
    }
    case 'progress':
      return authors(writer) ? null : `${ONLY_AUTHORS} report course progress`
    case 'read':
      return key.userId === writer.id ? null : "another person's read mark"
  }
}

/** Why `writer` may not remove the value `held` at `key`; null if they may. */
export const removalRefusal = (key: TeamKey, held: unknown, writer: TeamWriter): string | null => {
  switch (key.kind) {
    case 'vote':
    case 'read':
      return key.userId === writer.id ? null : `another person's ${key.kind} removed`
    case 'claim':
      return key.expertId === writer.id || isLead(writer) ? null : "another expert's claim removed"
    case 'post':
      // A post nobody can read the writer of (not well-formed) is a lead's to remove.
      return isLead(writer) || parseTeamValue(key, held)?.by.id === writer.id
        ? null
        : "another person's post removed"
    case 'merge':
    case 'link':
      return isLead(writer) ? null : `${ONLY_LEAD} remove a ${key.kind}`
    case 'published':
      return isLead(writer) ? null : `${ONLY_LEAD} unpublish a course`
    case 'team':
    case 'member':
    case 'need':
    case 'status':
    case 'course':
    case 'courseState':
    case 'progress':
      return `${key.kind} entries are never removed`
  }
}
