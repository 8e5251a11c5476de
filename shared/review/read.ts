/**
 * The review document as plain snapshots. Everything a peer stored is shown: malformed fields fall back to
 * defaults rather than hiding the thread, because a comment must never be silently lost.
 */
import * as Y from 'yjs'
import type { LessonId } from '../course/types'
import {
  COMMENT,
  THREAD,
  commentsOf,
  numberOr,
  parsePerson,
  parseResolution,
  parseStrings,
  stringOr,
  threadsMap,
} from './schema'
import { parseAnchor } from './stored-position'
import type { CommentId, CommentSnapshot, ThreadId, ThreadSnapshot } from './types'

/** Oldest first, then by id, so every replica lists concurrent entries in the same order. */
const byCreation = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const readComment = (id: string, comment: Y.Map<unknown>): CommentSnapshot => {
  const deleted = comment.get(COMMENT.deleted) === true
  const editedAt = comment.get(COMMENT.editedAt)
  return {
    id: id as CommentId,
    author: parsePerson(comment.get(COMMENT.author)),
    body: deleted ? '' : stringOr(comment.get(COMMENT.body), ''),
    mentions: deleted ? [] : parseStrings(comment.get(COMMENT.mentions)),
    createdAt: numberOr(comment.get(COMMENT.createdAt), 0),
    editedAt: typeof editedAt === 'number' && Number.isFinite(editedAt) ? editedAt : null,
    deleted,
  }
}

const readThread = (id: string, thread: Y.Map<unknown>): ThreadSnapshot => {
  const comments: CommentSnapshot[] = []
  commentsOf(thread)?.forEach((comment, commentId) => {
    if (comment instanceof Y.Map) comments.push(readComment(commentId, comment))
  })
  const resolution = parseResolution(thread.get(THREAD.resolution))
  return {
    id: id as ThreadId,
    lessonId: stringOr(thread.get(THREAD.lessonId), '') as LessonId,
    anchor: parseAnchor(thread.get(THREAD.anchor)),
    quote: stringOr(thread.get(THREAD.quote), ''),
    createdAt: numberOr(thread.get(THREAD.createdAt), 0),
    createdBy: parsePerson(thread.get(THREAD.createdBy)),
    resolution,
    resolved: resolution?.resolved ?? false,
    comments: comments.sort(byCreation),
  }
}

/** Every thread of the course, oldest first. */
export const readThreads = (doc: Y.Doc): ThreadSnapshot[] => {
  const threads: ThreadSnapshot[] = []
  threadsMap(doc).forEach((thread, id) => {
    if (thread instanceof Y.Map) threads.push(readThread(id, thread))
  })
  return threads.sort(byCreation)
}

/**
 * Calls `onChange` with fresh snapshots after every transaction that touched the threads, local or remote.
 * It is not called at once: read the current state with `readThreads`. Returns the unsubscribe function.
 */
export const observeThreads = (doc: Y.Doc, onChange: (threads: ThreadSnapshot[]) => void): (() => void) => {
  const threads = threadsMap(doc)
  const handler = () => onChange(readThreads(doc))
  threads.observeDeep(handler)
  return () => threads.unobserveDeep(handler)
}
