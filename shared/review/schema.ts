/**
 * The one place that knows the review document's shape. One review Y.Doc per course, synced in its own room
 * (`<courseId>/review`), so the relay can let reviewers write here while refusing their course updates.
 *
 * - root Y.Map `threads`: threadId → Y.Map {
 *     lessonId, anchor: { start, end } (relative positions into the lesson body, as JSON), quote, createdAt,
 *     createdBy: { id, name }, resolution: null | { resolved, by: { id, name }, at } (the last resolve or reopen),
 *     comments: Y.Map commentId → Y.Map { author: { id, name }, body, mentions: string[], createdAt,
 *     editedAt: number | null, deleted } }
 *
 * Threads and comments are entries of maps, never top-level types (those can never be deleted), and each comment
 * is its own map so an edit and a concurrent delete of it touch different keys and both take effect.
 */
import * as Y from 'yjs'
import type { Person, Resolution } from './types'

export const ROOT = {
  threads: 'threads',
} as const

export const THREAD = {
  lessonId: 'lessonId',
  anchor: 'anchor',
  quote: 'quote',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
  resolution: 'resolution',
  comments: 'comments',
} as const

export const COMMENT = {
  author: 'author',
  body: 'body',
  mentions: 'mentions',
  createdAt: 'createdAt',
  editedAt: 'editedAt',
  deleted: 'deleted',
} as const

export const threadsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.threads)

export const threadOf = (doc: Y.Doc, threadId: string): Y.Map<unknown> | undefined => {
  const thread = threadsMap(doc).get(threadId)
  return thread instanceof Y.Map ? thread : undefined
}

export const commentsOf = (thread: Y.Map<unknown>): Y.Map<unknown> | undefined => {
  const comments = thread.get(THREAD.comments)
  return comments instanceof Y.Map ? comments : undefined
}

export const commentOf = (thread: Y.Map<unknown>, commentId: string): Y.Map<unknown> | undefined => {
  const comment = commentsOf(thread)?.get(commentId)
  return comment instanceof Y.Map ? comment : undefined
}

/** Values come from peers, so every read checks the type instead of trusting it. */
export const stringOr = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback

export const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

export const parsePerson = (value: unknown): Person =>
  isRecord(value) ? { id: stringOr(value.id, ''), name: stringOr(value.name, '') } : { id: '', name: '' }

export const parseResolution = (value: unknown): Resolution | null =>
  isRecord(value) && typeof value.resolved === 'boolean'
    ? { resolved: value.resolved, by: parsePerson(value.by), at: numberOr(value.at, 0) }
    : null

export const parseStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []

/** Plain copies, so what is stored is exactly the fields the schema names and nothing a caller tacked on. */
export const storedPerson = (person: Person): Person => ({ id: person.id, name: person.name })
