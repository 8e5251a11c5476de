/**
 * Commands on needs: declare, edit, vote, discuss, claim, move the status, merge. Each is one transaction with
 * `TEAM_ORIGIN`, checks its actor's role as the relay does, and writes nothing when nothing changes.
 */
import { statusesAllowed } from './status-rights'
import type * as Y from 'yjs'
import { randomString } from '../course/ids'
import { MAX_MENTIONS, isUserId, type StoredNeed } from './entries'
import { longText, namedPerson, requireRole, writerOf } from './actor'
import { sameNeedFields, storedNeedFields } from './need-fields'
import { forwardMove, statusMove, statusOfDecision, type StatusDecision } from './status'
import {
  deleteEntry,
  entriesUnder,
  getEntry,
  hasEntry,
  isWritableEpoch,
  needStatusDecision,
  runTeamCommand,
  setEntry,
} from './team-store'
import type { NeedFields, NeedId, NeedStatus, PostId, TeamActor, TeamPerson } from './types'

const newNeedId = (): NeedId => randomString(22) as NeedId
const newPostId = (): PostId => randomString(22) as PostId

export const requireNeed = (doc: Y.Doc, needId: NeedId): StoredNeed => {
  const need = getEntry(doc, { kind: 'need', needId })
  if (need === null)
    throw new RangeError('This need is not in the team space: reload the board and try again.')
  return need
}

/** Writes the move (if any) as a new status entry; statuses are append-only, so an entry is never rewritten. */
export const writeStatusMove = (
  doc: Y.Doc,
  needId: NeedId,
  move: { readonly epoch: number; readonly status: NeedStatus } | null,
  by: TeamPerson,
  at: number,
): void => {
  if (move === null) return
  if (!isWritableEpoch(move.epoch))
    throw new RangeError('This need has been moved back too many times: declare it again as a new need.')
  const key = { kind: 'status', needId, ...move } as const
  if (!hasEntry(doc, key)) setEntry(doc, key, { by, at })
}

export const declareNeed = (
  doc: Y.Doc,
  actor: TeamActor,
  fields: NeedFields,
  now: number = Date.now(),
): NeedId => {
  const by = writerOf(actor)
  const stored = storedNeedFields(fields)
  const needId = newNeedId()
  runTeamCommand(doc, () =>
    setEntry(doc, { kind: 'need', needId }, { ...stored, by, at: now, editedAt: null }),
  )
  return needId
}

/** The declarer or a lead edits; the need keeps who declared it and when. */
export const editNeed = (
  doc: Y.Doc,
  actor: TeamActor,
  needId: NeedId,
  fields: NeedFields,
  now: number = Date.now(),
): void => {
  writerOf(actor)
  const stored = storedNeedFields(fields)
  runTeamCommand(doc, () => {
    const need = requireNeed(doc, needId)
    if (need.by.id !== actor.id && actor.role !== 'lead')
      throw new RangeError('Only the person who declared this need or a team lead can edit it.')
    if (sameNeedFields(need, stored)) return
    setEntry(doc, { kind: 'need', needId }, { ...stored, by: need.by, at: need.at, editedAt: now })
  })
}

/** "Me too": one entry per person, so voting again on another device counts once. */
export const setVote = (
  doc: Y.Doc,
  actor: TeamActor,
  needId: NeedId,
  on: boolean,
  now: number = Date.now(),
): void => {
  const { id, name } = writerOf(actor)
  runTeamCommand(doc, () => {
    requireNeed(doc, needId)
    const key = { kind: 'vote', needId, userId: id } as const
    const held = getEntry(doc, key)
    if (!on) {
      if (hasEntry(doc, key)) deleteEntry(doc, key)
      return
    }
    if (held === null || held.name !== name) setEntry(doc, key, { name, at: held?.at ?? now })
  })
}

/** Adds a post to the need's discussion. `mentions` are user ids; repeats and unusable ids are dropped. */
export const postToNeed = (
  doc: Y.Doc,
  actor: TeamActor,
  needId: NeedId,
  text: string,
  mentions: readonly string[],
  now: number = Date.now(),
): PostId => {
  const by = writerOf(actor)
  const body = longText(text)
  if (body.length === 0) throw new RangeError('Write something before posting.')
  const named = [...new Set(mentions.filter(isUserId))].slice(0, MAX_MENTIONS)
  const postId = newPostId()
  runTeamCommand(doc, () => {
    requireNeed(doc, needId)
    setEntry(doc, { kind: 'post', needId, postId }, { by, text: body, mentions: named, at: now })
  })
  return postId
}

const claimsOf = (doc: Y.Doc, needId: NeedId) => entriesUnder(doc, 'claim', needId)

/**
 * An expert claims a need for themselves (or drops their claim); a lead assigns any expert (or takes it back).
 * Claiming moves an open need to Claimed; dropping the last claim of a need still Claimed moves it back to Open,
 * deliberately, so the board does not show a claim nobody holds.
 */
export const setClaim = (
  doc: Y.Doc,
  actor: TeamActor,
  needId: NeedId,
  expert: TeamPerson,
  on: boolean,
  now: number = Date.now(),
): void => {
  const by = writerOf(actor)
  requireRole(actor, ['expert', 'lead'], 'claim needs')
  if (actor.role === 'expert' && expert.id !== actor.id)
    throw new RangeError('Only a team lead can assign a need to another expert.')
  const claimed = expert.id === actor.id ? by : namedPerson(expert)
  runTeamCommand(doc, () => {
    requireNeed(doc, needId)
    const key = { kind: 'claim', needId, expertId: claimed.id } as const
    const decision = needStatusDecision(doc, needId)
    if (on) {
      if (hasEntry(doc, key)) return
      setEntry(doc, key, { expert: claimed, by, at: now })
      writeStatusMove(doc, needId, forwardMove(decision, 'claimed'), by, now)
      return
    }
    if (!hasEntry(doc, key)) return
    deleteEntry(doc, key)
    if (claimsOf(doc, needId).length === 0 && statusOfDecision(decision) === 'claimed')
      writeStatusMove(doc, needId, statusMove(decision, 'open'), by, now)
  })
}

/** Throws unless the actor may put the need into `status` (the relay's rule). */
const requireStatusRight = (actor: TeamActor, need: StoredNeed, status: NeedStatus): void => {
  if (statusesAllowed(actor.role, need.by.id === actor.id).has(status)) return
  if (status === 'open' || status === 'closed')
    throw new RangeError('Only the person who declared this need, an expert or a team lead can do that.')
  throw new RangeError(
    actor.role === 'member'
      ? 'You can reopen or close a need you declared; experts and leads move it further.'
      : 'Only a team lead can mark a need published or archived, or close a need someone else declared.',
  )
}

/** Moves the need to `status`: forward in the current epoch, back (deliberately) in the next one. */
export const setNeedStatus = (
  doc: Y.Doc,
  actor: TeamActor,
  needId: NeedId,
  status: NeedStatus,
  now: number = Date.now(),
): void => {
  const by = writerOf(actor)
  runTeamCommand(doc, () => {
    requireStatusRight(actor, requireNeed(doc, needId), status)
    const decision: StatusDecision = needStatusDecision(doc, needId)
    writeStatusMove(doc, needId, statusMove(decision, status), by, now)
  })
}

/** The need a merged need ends up under, following merges; null when the chain comes back to `from`. */
const finalTarget = (doc: Y.Doc, from: NeedId, start: NeedId): NeedId | null => {
  const seen = new Set<NeedId>([from])
  let at = start
  for (;;) {
    if (seen.has(at)) return null
    seen.add(at)
    const next = getEntry(doc, { kind: 'merge', needId: at })
    if (next === null) return at
    at = next.into
  }
}

/** Leads: shows a duplicate under another need, with its votes and discussion. */
export const mergeNeed = (
  doc: Y.Doc,
  actor: TeamActor,
  duplicate: NeedId,
  into: NeedId,
  now: number = Date.now(),
): void => {
  const by = writerOf(actor)
  requireRole(actor, ['lead'], 'merge needs')
  if (duplicate === into) throw new RangeError('Choose another need to merge this one into.')
  runTeamCommand(doc, () => {
    requireNeed(doc, duplicate)
    requireNeed(doc, into)
    const target = finalTarget(doc, duplicate, into)
    if (target === null)
      throw new RangeError('That need is already merged into this one: it cannot go under it.')
    const key = { kind: 'merge', needId: duplicate } as const
    if (getEntry(doc, key)?.into !== target) setEntry(doc, key, { into: target, by, at: now })
  })
}

/** Leads: takes a merge back, so the need shows on the board on its own again. */
export const unmergeNeed = (doc: Y.Doc, actor: TeamActor, needId: NeedId): void => {
  writerOf(actor)
  requireRole(actor, ['lead'], 'undo a merge')
  runTeamCommand(doc, () => {
    const key = { kind: 'merge', needId } as const
    if (hasEntry(doc, key)) deleteEntry(doc, key)
  })
}
