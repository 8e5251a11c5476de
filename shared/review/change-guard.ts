/**
 * Whether an update to a review document changes only what its writer may change, decided before it is applied
 * (the relay runs this on every review-room update from a token holder). The rules follow the commands in
 * commands.ts and the shape in schema.ts:
 *
 * - a new thread or comment must name the writer as its creator (`createdBy.id` / `author.id`);
 * - a thread's fields are written only in the update that creates it, except `resolution`, which authors and
 *   reviewers may overwrite with a resolution naming themselves (`by.id`); threads are never removed;
 * - a comment's `body`, `mentions`, `editedAt` and `deleted` may be changed, and the comment removed from its
 *   thread, only by its author; its `author` and `createdAt` never change;
 * - anything else (another root type, an unknown key, a list entry, a value where a map belongs) is refused.
 *
 * Overwriting a map key deletes the old value, so each write is judged as the overwrite it is, and each deletion
 * as the overwrite or removal of that key. Cost is proportional to the update, not to the document.
 */
import * as Y from 'yjs'
import type { Result } from '../errors'
import type { Role } from '../protocol/token'
import { COMMENT, ROOT, THREAD } from './schema'
import {
  judgeDeletions,
  placeOfHeld,
  updatePlaces,
  type DecodedUpdate,
  type Parent,
  type Place,
  type UpdatePlaces,
  type UpdateRefusal,
} from './update-places'

/** Who sent the update: the token's user id (`sub`) and role. */
export interface Writer {
  readonly id: string
  readonly role: Role
}

/**
 * `not-allowed`: the update changes something the writer may not change.
 * `unresolved`: it refers to items the document does not hold yet (a client's update may race ahead of the sync
 * that brings what it builds on); it cannot be judged, and nothing of it may be applied.
 */
export type ChangeRefusal = UpdateRefusal

type Node =
  | { readonly kind: 'threads' | 'unknown' }
  | { readonly kind: 'thread' | 'comments' | 'comment'; readonly item: Y.Item; readonly fresh: boolean }

/** What an item writes at its key: a nested map, a plain value, or nothing (a value born deleted). */
type Written =
  | { readonly kind: 'map' }
  | { readonly kind: 'value'; readonly value: unknown }
  /** `superseded`: a later item of the same update overwrites it, so it never shows. */
  | { readonly kind: 'cleared'; readonly superseded: boolean }
  | { readonly kind: 'other' }

type Check = (value: unknown, writer: Writer) => boolean

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isString: Check = (value) => typeof value === 'string'
const isTime: Check = (value) => typeof value === 'number' && Number.isFinite(value)
const isWriter: Check = (value, writer) =>
  isRecord(value) && value.id === writer.id && typeof value.name === 'string'
const isResolutionByWriter: Check = (value, writer) =>
  isRecord(value) &&
  typeof value.resolved === 'boolean' &&
  isWriter(value.by, writer) &&
  isTime(value.at, writer)

/** A new thread's fields; `comments` is the nested map. */
const THREAD_FIELDS = new Map<string, Check>([
  [THREAD.lessonId, isString],
  [THREAD.anchor, isRecord],
  [THREAD.quote, isString],
  [THREAD.createdAt, isTime],
  [THREAD.createdBy, isWriter],
  [THREAD.resolution, (value, writer) => value === null || isResolutionByWriter(value, writer)],
])

const COMMENT_FIELDS = new Map<string, Check>([
  [COMMENT.author, isWriter],
  [COMMENT.body, isString],
  [COMMENT.mentions, (value) => Array.isArray(value) && value.every((entry) => typeof entry === 'string')],
  [COMMENT.createdAt, isTime],
  [COMMENT.editedAt, (value, writer) => value === null || isTime(value, writer)],
  [COMMENT.deleted, (value) => typeof value === 'boolean'],
])

/** What the author changes after writing a comment (editComment, deleteComment). */
const EDITABLE = new Set<string>([COMMENT.body, COMMENT.mentions, COMMENT.editedAt, COMMENT.deleted])

const mayResolve = (role: Role): boolean => role === 'author' || role === 'reviewer'

const mapOf = (item: Y.Item): Y.Map<unknown> | undefined =>
  item.content instanceof Y.ContentType && item.content.type instanceof Y.Map ? item.content.type : undefined

/** The live entry under `key` of a map the document holds. */
const heldEntry = (
  map: { readonly _map: Map<string, Y.Item> } | undefined,
  key: string,
): Y.Item | undefined => {
  const entry = map?._map.get(key)
  return entry === undefined || entry.deleted ? undefined : entry
}

/** The user id a held thread or comment names as its creator. */
const heldCreator = (item: Y.Item, key: string): string | undefined => {
  const person = mapOf(item)?.get(key)
  return isRecord(person) && typeof person.id === 'string' ? person.id : undefined
}

const idKey = (client: number, clock: number): string => `${client}:${clock}`

/** A key as a reason shows it: keys come from peers, and a close reason must stay within 123 bytes of ASCII. */
const shown = (key: string): string => key.slice(0, 32).replace(/[^\x20-\x7e]/g, '?')

export const checkReviewUpdate = (
  doc: Y.Doc,
  update: DecodedUpdate,
  writer: Writer,
): Result<void, ChangeRefusal> => {
  const places: UpdatePlaces = updatePlaces(doc, update)
  const notAllowed = (reason: string): Result<never, ChangeRefusal> => ({
    ok: false,
    error: { kind: 'not-allowed', reason },
  })
  const unresolved = (reason: string): Result<never, ChangeRefusal> => ({
    ok: false,
    error: { kind: 'unresolved', reason },
  })

  // Every field of a thread or comment asks about the same parent: remember the answers.
  const classified = new Map<Y.Item, Node>()
  const classify = (parent: Parent, depth: number): Node => {
    if (parent.item === undefined) return { kind: parent.root === ROOT.threads ? 'threads' : 'unknown' }
    const known = classified.get(parent.item)
    if (known !== undefined) return known
    const node = classifyItem(parent, depth)
    classified.set(parent.item, node)
    return node
  }
  const classifyItem = ({ item, fresh }: Parent & { item: Y.Item }, depth: number): Node => {
    // Deeper than thread → comments → comment means outside the shape (and stops a crafted cycle).
    if (mapOf(item) === undefined || depth > 3) return { kind: 'unknown' }
    const place = fresh ? places.placeOf(item) : placeOfHeld(item)
    if (typeof place === 'string' || place.key === null) return { kind: 'unknown' }
    switch (classify(place.parent, depth + 1).kind) {
      case 'threads':
        return { kind: 'thread', item, fresh }
      case 'thread':
        return place.key === THREAD.comments ? { kind: 'comments', item, fresh } : { kind: 'unknown' }
      case 'comments':
        return { kind: 'comment', item, fresh }
      default:
        return { kind: 'unknown' }
    }
  }

  // The keys each update item writes to in a nested map, and which items a later one of the update overwrites.
  const writes = new Map<Y.Item, Map<string, Y.Item[]>>()
  const overwritten = new Set<string>()
  for (const item of places.added) {
    if (item.origin !== null) overwritten.add(idKey(item.origin.client, item.origin.clock))
    const place = places.placeOf(item)
    if (typeof place === 'string' || place.parent.item === undefined || place.key === null) continue
    let byKey = writes.get(place.parent.item)
    if (byKey === undefined) writes.set(place.parent.item, (byKey = new Map()))
    const items = byKey.get(place.key)
    if (items === undefined) byKey.set(place.key, [item])
    else items.push(item)
  }
  const writesKey = (map: Y.Item, key: string): boolean => writes.get(map)?.has(key) === true
  const hasValueAt = (map: Y.Item, key: string): boolean =>
    (writes.get(map)?.get(key) ?? []).some((item) => item.content instanceof Y.ContentAny)

  const writtenBy = (item: Y.Item): Written => {
    if (mapOf(item) !== undefined) return { kind: 'map' }
    if (item.content instanceof Y.ContentAny && item.length === 1)
      return { kind: 'value', value: item.content.arr[0] }
    if (item.content instanceof Y.ContentDeleted)
      return {
        kind: 'cleared',
        superseded: overwritten.has(idKey(item.id.client, item.id.clock + item.length - 1)),
      }
    return { kind: 'other' }
  }

  /** Why `item`, written at `place`, is not allowed; null if it is. */
  const writeRefusal = (item: Y.Item, { parent, key }: Place): string | null => {
    const node = classify(parent, 0)
    const written = writtenBy(item)
    if (written.kind === 'other') return 'content the review document never holds'
    if (key === null) return 'a list entry: the review document holds only maps'
    switch (node.kind) {
      case 'unknown':
        return `key "${shown(key)}" outside the review document's shape`
      case 'threads':
        if (written.kind !== 'map') return `thread ${shown(key)} removed or replaced by a value`
        if (heldEntry(doc.share.get(ROOT.threads), key) !== undefined) return `thread ${shown(key)} replaced`
        return hasValueAt(item, THREAD.createdBy) ? null : `new thread ${shown(key)} without its creator`
      case 'thread': {
        if (key === THREAD.comments)
          return node.fresh && written.kind === 'map' ? null : "a thread's comments replaced"
        const check = THREAD_FIELDS.get(key)
        if (check === undefined) return `unknown thread field "${shown(key)}"`
        if (!node.fresh && key !== THREAD.resolution)
          return `a thread's ${shown(key)} changed after its creation`
        if (key === THREAD.resolution && !mayResolve(writer.role))
          return `a ${writer.role} resolving a thread`
        if (written.kind === 'cleared')
          return key === THREAD.resolution && written.superseded ? null : `a thread's ${shown(key)} removed`
        if (written.kind !== 'value') return `a thread's ${shown(key)} is a map`
        if (!node.fresh)
          return isResolutionByWriter(written.value, writer) ? null : 'a resolution not by the writer'
        return check(written.value, writer)
          ? null
          : `a new thread's ${shown(key)} is invalid or not by the writer`
      }
      case 'comments': {
        const held = node.fresh ? undefined : heldEntry(mapOf(node.item), key)
        if (written.kind === 'value') return `comment ${shown(key)} replaced by a value`
        if (written.kind === 'map') {
          if (held !== undefined) return `comment ${shown(key)} replaced`
          return hasValueAt(item, COMMENT.author) ? null : `new comment ${shown(key)} without its author`
        }
        return held === undefined || heldCreator(held, COMMENT.author) === writer.id
          ? null
          : `comment ${shown(key)} of another user removed`
      }
      case 'comment': {
        const check = COMMENT_FIELDS.get(key)
        if (check === undefined) return `unknown comment field "${shown(key)}"`
        if (!node.fresh) {
          if (!EDITABLE.has(key)) return `a comment's ${shown(key)} changed after its creation`
          if (heldCreator(node.item, COMMENT.author) !== writer.id)
            return `${shown(key)} of another user's comment changed`
        }
        if (written.kind === 'cleared') return EDITABLE.has(key) ? null : `a comment's ${shown(key)} removed`
        if (written.kind !== 'value') return `a comment's ${shown(key)} is a map`
        return check(written.value, writer)
          ? null
          : `a new comment's ${shown(key)} is invalid or not by the writer`
      }
    }
  }

  /** Why deleting `item` (held, or added by this update) is not allowed; null if it is. */
  const deletionRefusal = (item: Y.Item, fresh: boolean): string | null => {
    const place = fresh ? places.placeOf(item) : placeOfHeld(item)
    // An added item's own placement was judged as a write already.
    if (typeof place === 'string') return null
    if (place.key === null) return 'a list entry deleted'
    const node = classify(place.parent, 0)
    switch (node.kind) {
      case 'unknown':
        return `key "${shown(place.key)}" outside the review document's shape deleted`
      case 'threads':
        return `thread ${shown(place.key)} deleted: threads are never removed`
      case 'thread':
        // Only as the overwrite of a resolution by a new one, which is judged as a write.
        return place.key === THREAD.resolution && mayResolve(writer.role) && writesKey(node.item, place.key)
          ? null
          : `a thread's ${shown(place.key)} deleted`
      case 'comments':
        return fresh || heldCreator(item, COMMENT.author) === writer.id
          ? null
          : `comment ${shown(place.key)} of another user deleted`
      case 'comment': {
        if (!node.fresh && heldCreator(node.item, COMMENT.author) !== writer.id)
          return `${shown(place.key)} of another user's comment deleted`
        // Removing a comment from its thread deletes its fields with it.
        return EDITABLE.has(place.key) || Y.isDeleted(update.ds, node.item.id)
          ? null
          : `a comment's ${shown(place.key)} deleted`
      }
    }
  }

  for (const item of places.added) {
    const place = places.placeOf(item)
    if (place === 'gone') continue
    if (place === 'missing')
      return unresolved(`item ${item.id.client}:${item.id.clock} builds on items not held`)
    const refusal = writeRefusal(item, place)
    if (refusal !== null) return notAllowed(refusal)
  }

  const deletion = judgeDeletions(doc, update, places, deletionRefusal)
  if (deletion !== null) return { ok: false, error: deletion }
  return { ok: true, value: undefined }
}
