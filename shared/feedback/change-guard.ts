/**
 * Whether an update to a feedback document changes only what its writer may change, decided before it is applied
 * (the relay runs this on every feedback-room update from a token holder). The shape is feedback-doc.ts's: one
 * root map of plain entries whose keys name their learner (entries.ts). So:
 *
 * - only learners write feedback;
 * - every key an update writes must be an entry key naming the writer, and its value exactly a well-formed
 *   entry naming the writer (or nothing: a value born deleted, which only clears the writer's own key);
 * - every deletion must be of the writer's own entry (overwriting a key deletes its old value, so changing an
 *   entry deletes the writer's earlier value of it);
 * - anything else (another root type, a list entry, a nested type, a key that is not an entry key, another
 *   learner's entry) is refused.
 *
 * Cost is proportional to the update, not to the document.
 */
import * as Y from 'yjs'
import type { Result } from '../errors'
import type { Role } from '../protocol/token'
import {
  judgeDeletions,
  placeOfHeld,
  refuseUpdate as refused,
  updatePlaces,
  type DecodedUpdate,
  type Place,
  type UpdateRefusal,
} from '../review/update-places'
import { isValidEntry, learnerNameOf, parseEntryKey } from './entries'
import { FEEDBACK_ROOT } from './feedback-doc'

/**
 * Who sent the update: the token's user id (`sub`), display name and role. An entry must carry the token's name,
 * so the Feedback panel shows each learner under the name their invite carries; null (the relay's `--open` mode,
 * no tokens) accepts any name.
 */
export interface Writer {
  readonly id: string
  readonly name: string | null
  readonly role: Role
}

/**
 * `not-allowed`: the update changes something the writer may not change.
 * `unresolved`: it refers to items the document does not hold yet (a client's update may race ahead of the sync
 * that brings what it builds on); it cannot be judged, and nothing of it may be applied.
 */
export type ChangeRefusal = UpdateRefusal

/** A key as a reason shows it: keys come from peers, and a close reason must stay within 123 bytes of ASCII. */
const shown = (key: string): string => key.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')

export const checkFeedbackUpdate = (
  doc: Y.Doc,
  update: DecodedUpdate,
  writer: Writer,
): Result<void, ChangeRefusal> => {
  if (writer.role !== 'learner') return refused('not-allowed', `a ${writer.role} writing feedback`)

  /** Why the entry at `place` is not the writer's to change; null if it is. */
  const notOwn = ({ parent, key }: Place, change: string): string | null => {
    if (parent.item !== undefined || parent.root !== FEEDBACK_ROOT)
      return `${change} outside the feedback entries`
    if (key === null) return `${change}: a list entry, where feedback holds only map entries`
    const entry = parseEntryKey(key)
    if (entry === null) return `${change}: key "${shown(key)}" is not a feedback entry`
    return entry.learnerId === writer.id ? null : `${change}: an entry of another learner`
  }

  const places = updatePlaces(doc, update)
  for (const item of places.added) {
    const place = places.placeOf(item)
    if (place === 'gone') continue
    if (place === 'missing')
      return refused('unresolved', `item ${item.id.client}:${item.id.clock} builds on items not held`)
    const refusal = notOwn(place, 'written')
    if (refusal !== null) return refused('not-allowed', refusal)
    // notOwn checked the key parses.
    const entry = parseEntryKey(place.key as string)
    if (item.content instanceof Y.ContentDeleted) continue
    if (!(item.content instanceof Y.ContentAny) || item.length !== 1)
      return refused('not-allowed', 'written: content the feedback document never holds')
    const value: unknown = item.content.arr[0]
    if (entry === null || !isValidEntry(entry, value))
      return refused('not-allowed', 'written: an entry that is not well-formed or not by the writer')
    if (writer.name !== null && learnerNameOf(value) !== writer.name)
      return refused('not-allowed', 'written: an entry under another name than the token carries')
  }

  const deletion = judgeDeletions(doc, update, places, (item, fresh) => {
    const place = fresh ? places.placeOf(item) : placeOfHeld(item)
    // An added item's own placement was judged as a write already.
    return typeof place === 'string' ? null : notOwn(place, 'deleted')
  })
  return deletion === null ? { ok: true, value: undefined } : { ok: false, error: deletion }
}
