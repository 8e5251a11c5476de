/**
 * Whether an update to a course's history document keeps its versions as they were written, decided before it is
 * applied (the relay runs this on every history-room update from a token holder; only authors get that far). The
 * shape is history-doc.ts's: root maps of plain values, each written once. So:
 *
 * - in `versions` and `parts`, nothing held is ever deleted or overwritten (a version entry and its state parts
 *   are written once, by whoever took the version, and never changed);
 * - in `writers`, an entry (which person a course client id is) is replaced or removed only by the person it names;
 * - in all three, a value is a plain value (an entry, or a part's bytes), never a nested type or a list entry.
 *
 * Who wrote an added value is not checked: a client's sync can carry versions other people took (a relay restored
 * from an older copy, say). Other root types are left alone, for a later history format. Cost is proportional to
 * the update, not to the document.
 */
import * as Y from 'yjs'
import type { Result } from '../errors'
import {
  judgeDeletions,
  placeOfHeld,
  refuseUpdate as refused,
  updatePlaces,
  type DecodedUpdate,
  type Place,
  type UpdateRefusal,
} from '../review/update-places'
import { HISTORY_ROOT } from './history-doc'
import { parsePerson } from './stored-version'

/** Who sent the update: the token's user id (`sub`). */
export interface HistoryWriter {
  readonly id: string
}

const GUARDED: ReadonlySet<string> = new Set(Object.values(HISTORY_ROOT))

/** The guarded root an item sits directly in, or null for anything else. */
const guardedRoot = ({ parent }: Place): string | null =>
  parent.item === undefined && GUARDED.has(parent.root) ? parent.root : null

const isPlainValue = (content: Y.Item['content']): boolean =>
  content instanceof Y.ContentAny || content instanceof Y.ContentBinary || content instanceof Y.ContentDeleted

/** Why the held `item` in guarded root `root` may not be deleted or replaced by `writer`; null if it may. */
const replacingBy =
  (writer: HistoryWriter) =>
  (item: Y.Item, root: string): string | null => {
    if (root !== HISTORY_ROOT.writers) return `a saved version's ${root === 'parts' ? 'state' : 'entry'}`
    const named = item.content instanceof Y.ContentAny ? parsePerson(item.content.arr[0]) : undefined
    return named?.id === writer.id ? null : "another person's writer entry"
  }

export const checkHistoryUpdate = (
  doc: Y.Doc,
  update: DecodedUpdate,
  writer: HistoryWriter,
): Result<void, UpdateRefusal> => {
  const replacing = replacingBy(writer)
  /** The live item a guarded root holds at `key`; a new value there would replace it when applied. */
  const heldAt = (root: string, key: string): Y.Item | undefined => {
    const item = (doc.share.get(root) as { readonly _map: Map<string, Y.Item> } | undefined)?._map.get(key)
    return item === undefined || item.deleted ? undefined : item
  }

  const places = updatePlaces(doc, update)
  for (const item of places.added) {
    const place = places.placeOf(item)
    if (place === 'gone') continue
    if (place === 'missing')
      return refused('unresolved', `item ${item.id.client}:${item.id.clock} builds on items not held`)
    // Inside a nested type: only one of the guarded roots could hold it, and those take no nested types (below).
    const root = guardedRoot(place)
    if (root === null) continue
    if (place.key === null) return refused('not-allowed', `written: a list entry in ${root}`)
    if (!isPlainValue(item.content)) return refused('not-allowed', `written: a nested type in ${root}`)
    // Applied, a value for a key the document holds replaces the held one even if the update deletes nothing.
    const replaced = heldAt(root, place.key)
    if (replaced !== undefined) {
      const refusal = replacing(replaced, root)
      if (refusal !== null) return refused('not-allowed', `written: ${refusal}`)
    }
  }

  const deletion = judgeDeletions(doc, update, places, (item, fresh) => {
    // An item the update adds and deletes at once was never held by anyone: nothing written is lost.
    if (fresh) return null
    const root = guardedRoot(placeOfHeld(item))
    const refusal = root === null ? null : replacing(item, root)
    return refusal === null ? null : `deleted: ${refusal}`
  })
  return deletion === null ? { ok: true, value: undefined } : { ok: false, error: deletion }
}
