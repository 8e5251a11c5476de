/**
 * Every change to the review document: one transaction each, with the review origin. Permission checks here are
 * for the UI's sake (a button that should not be there); the relay decides who may write to the room at all.
 */
import * as Y from 'yjs'
import type { LessonId } from '../course/types'
import { err, ok, type Result } from '../errors'
import { newCommentId, newThreadId } from './ids'
import { REVIEW_ORIGIN } from './origins'
import {
  COMMENT,
  THREAD,
  commentOf,
  commentsOf,
  parsePerson,
  parseResolution,
  storedPerson,
  threadOf,
  threadsMap,
} from './schema'
import type { Anchor } from './stored-position'
import type { CommentId, Person, Resolution, ThreadId } from './types'

export interface NewThread {
  readonly lessonId: LessonId
  readonly anchor: Anchor
  /** The selected text, kept so a detached thread still shows what it was about. */
  readonly quote: string
  readonly author: Person
  /** The first comment. */
  readonly body: string
  readonly mentions: readonly string[]
  /** Milliseconds since the epoch; defaults to now. */
  readonly now?: number
}

export interface NewReply {
  readonly threadId: ThreadId
  readonly author: Person
  readonly body: string
  readonly mentions: readonly string[]
  readonly now?: number
}

export interface CommentEdit {
  readonly threadId: ThreadId
  readonly commentId: CommentId
  /** Who asks for the edit; only the comment's author may. */
  readonly userId: string
  readonly body: string
  readonly mentions: readonly string[]
  readonly now?: number
}

export interface CommentRef {
  readonly threadId: ThreadId
  readonly commentId: CommentId
  /** Who asks for the deletion; only the comment's author may. */
  readonly userId: string
}

export interface ResolutionChange {
  readonly threadId: ThreadId
  readonly by: Person
  readonly now?: number
}

const run = <T>(doc: Y.Doc, change: () => T): T => doc.transact(change, REVIEW_ORIGIN)

const noThread = () => err('invalid-argument', 'This comment thread no longer exists.')
const noComment = () => err('invalid-argument', 'This comment no longer exists.')

const writeComment = (
  comments: Y.Map<unknown>,
  author: Person,
  body: string,
  mentions: readonly string[],
  now: number,
) => {
  const id = newCommentId()
  const comment = new Y.Map<unknown>()
  comments.set(id, comment)
  comment.set(COMMENT.author, storedPerson(author))
  comment.set(COMMENT.body, body)
  comment.set(COMMENT.mentions, [...mentions])
  comment.set(COMMENT.createdAt, now)
  comment.set(COMMENT.editedAt, null)
  comment.set(COMMENT.deleted, false)
  return id
}

export const createThread = (doc: Y.Doc, input: NewThread): ThreadId => {
  const now = input.now ?? Date.now()
  return run(doc, () => {
    const id = newThreadId()
    const thread = new Y.Map<unknown>()
    threadsMap(doc).set(id, thread)
    thread.set(THREAD.lessonId, input.lessonId)
    thread.set(THREAD.anchor, input.anchor)
    thread.set(THREAD.quote, input.quote)
    thread.set(THREAD.createdAt, now)
    thread.set(THREAD.createdBy, storedPerson(input.author))
    thread.set(THREAD.resolution, null)
    const comments = new Y.Map<unknown>()
    thread.set(THREAD.comments, comments)
    writeComment(comments, input.author, input.body, input.mentions, now)
    return id
  })
}

/** Each reply is a new key of the thread's comment map, so replies written at once on two peers both survive. */
export const reply = (doc: Y.Doc, input: NewReply): Result<CommentId> => {
  const thread = threadOf(doc, input.threadId)
  const comments = thread === undefined ? undefined : commentsOf(thread)
  if (comments === undefined) return noThread()
  const now = input.now ?? Date.now()
  return ok(run(doc, () => writeComment(comments, input.author, input.body, input.mentions, now)))
}

/** The comment to change, if it exists, is not deleted and belongs to `userId`. */
const ownComment = (doc: Y.Doc, ref: CommentRef): Result<Y.Map<unknown>> => {
  const thread = threadOf(doc, ref.threadId)
  if (thread === undefined) return noThread()
  const comment = commentOf(thread, ref.commentId)
  if (comment === undefined || comment.get(COMMENT.deleted) === true) return noComment()
  if (parsePerson(comment.get(COMMENT.author)).id !== ref.userId) {
    return err('invalid-argument', 'Only the author of a comment can change or delete it.')
  }
  return ok(comment)
}

export const editComment = (doc: Y.Doc, input: CommentEdit): Result<void> => {
  const found = ownComment(doc, input)
  if (!found.ok) return found
  const now = input.now ?? Date.now()
  run(doc, () => {
    found.value.set(COMMENT.body, input.body)
    found.value.set(COMMENT.mentions, [...input.mentions])
    found.value.set(COMMENT.editedAt, now)
  })
  return ok(undefined)
}

/**
 * Marks the comment deleted and drops its text, so it leaves the thread's order intact while no longer being
 * readable or mentioning anyone. A concurrent edit may write the body back, but `deleted` wins on every read.
 */
export const deleteComment = (doc: Y.Doc, ref: CommentRef): Result<void> => {
  const found = ownComment(doc, ref)
  if (!found.ok) return found
  run(doc, () => {
    found.value.set(COMMENT.deleted, true)
    found.value.set(COMMENT.body, '')
    found.value.set(COMMENT.mentions, [])
  })
  return ok(undefined)
}

/**
 * Anyone who can write to the review room may resolve or reopen; the last change records who and when.
 * Asking for the state the thread is already in changes nothing, so the record keeps who actually made it so.
 */
const setResolved = (doc: Y.Doc, change: ResolutionChange, resolved: boolean): Result<void> => {
  const thread = threadOf(doc, change.threadId)
  if (thread === undefined) return noThread()
  if ((parseResolution(thread.get(THREAD.resolution))?.resolved ?? false) === resolved) return ok(undefined)
  const resolution: Resolution = { resolved, by: storedPerson(change.by), at: change.now ?? Date.now() }
  run(doc, () => thread.set(THREAD.resolution, resolution))
  return ok(undefined)
}

export const resolveThread = (doc: Y.Doc, change: ResolutionChange): Result<void> =>
  setResolved(doc, change, true)
export const reopenThread = (doc: Y.Doc, change: ResolutionChange): Result<void> =>
  setResolved(doc, change, false)
