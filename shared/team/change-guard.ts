/**
 * Whether an update to a team document changes only what its writer may change, decided before it is applied
 * (the relay runs this on every update to a team room, `team:<teamId>`). The shape is team-doc.ts's: one root map
 * of plain entries whose keys say what they are about (entries.ts). So:
 *
 * - every key an update writes must be an entry key, and every value it leaves there exactly a well-formed entry
 *   the writer may write, judged against the value the document holds at that key now (change-guard-rules.ts);
 * - whatever it removes, the writer must be allowed to remove;
 * - anything else (another root type, a list entry, a nested type, a key that is not an entry key) is refused.
 *
 * What an update removes is worked out as Yjs would apply it. The value a map key shows is its rightmost item, and
 * an item that lands rightmost deletes the one before it; an item always lands right of its `origin`. So a value
 * the document holds is replaced (not removed) when one of the update's live items descends from it through
 * origins; otherwise deleting it, or landing an item born deleted (a value the writer's device overwrote or
 * deleted already) on top of it, removes it. Cost is proportional to the update, not to the document.
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
import { entryKey, isValidValue, parseTeamKey, parseTeamValue, type TeamKey } from './entries'
import { removalRefusal, writeRefusal, type RuleContext, type TeamWriter } from './change-guard-rules'
import { TEAM_ROOT } from './team-store'
import type { NeedId } from './types'

export type { TeamWriter } from './change-guard-rules'

/**
 * `not-allowed`: the update changes something the writer may not change.
 * `unresolved`: it refers to items the document does not hold yet (a client's update may race ahead of the sync
 * that brings what it builds on); it cannot be judged, and nothing of it may be applied.
 */
export type ChangeRefusal = UpdateRefusal

/** A key as a reason shows it: keys come from peers, and a close reason must stay within 123 bytes of ASCII. */
const shown = (key: string): string =>
  (key.length <= 50 ? key : `${key.slice(0, 47)}...`).replace(/[^\x20-\x7e]/g, '?')

/** The entry key `place` is at; null when it lies outside the team entries. */
const entryKeyAt = ({ parent, key }: Place): TeamKey | null =>
  parent.item !== undefined || parent.root !== TEAM_ROOT || key === null ? null : parseTeamKey(key)

/** Where `place` lies instead of at a team entry. */
const outside = ({ parent, key }: Place): string =>
  parent.item !== undefined || parent.root !== TEAM_ROOT || key === null
    ? 'outside the team entries'
    : `key "${shown(key)}" is not a team entry`

/** The plain value an item holds, if it holds one. */
const valueOf = (item: Y.Item): unknown =>
  item.content instanceof Y.ContentAny && item.length === 1 ? item.content.arr[0] : undefined

interface Range {
  readonly clock: number
  readonly end: number
}

/**
 * The delete set's ranges per client, sorted and with overlaps merged, so a lookup is a binary search whatever
 * order a peer sent them in.
 */
const deletedRanges = (update: DecodedUpdate): Map<number, Range[]> => {
  const byClient = new Map<number, Range[]>()
  for (const [client, ranges] of update.ds.clients) {
    const merged: { clock: number; end: number }[] = []
    for (const { clock, len } of [...ranges].sort((a, b) => a.clock - b.clock)) {
      const last = merged[merged.length - 1]
      if (last !== undefined && clock <= last.end) last.end = Math.max(last.end, clock + len)
      else merged.push({ clock, end: clock + len })
    }
    byClient.set(client, merged)
  }
  return byClient
}

const covers = (ranges: readonly Range[] | undefined, clock: number): boolean => {
  if (ranges === undefined) return false
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const range = ranges[middle] as Range
    if (clock < range.clock) high = middle - 1
    else if (clock >= range.end) low = middle + 1
    else return true
  }
  return false
}

export const checkTeamUpdate = (
  doc: Y.Doc,
  update: DecodedUpdate,
  writer: TeamWriter,
): Result<void, ChangeRefusal> => {
  const held = doc.share.get(TEAM_ROOT) as { readonly _map: Map<string, Y.Item> } | undefined
  /** The live value the document holds at `raw`; undefined for none. */
  const heldValue = (raw: string): unknown => {
    const item = held?._map.get(raw)
    return item === undefined || item.deleted ? undefined : valueOf(item)
  }

  // Where each new item lands, grouped by entry key.
  const places = updatePlaces(doc, update)
  const written = new Map<string, { readonly key: TeamKey; readonly items: Y.Item[] }>()
  for (const item of places.added) {
    const place = places.placeOf(item)
    if (place === 'gone') continue
    if (place === 'missing')
      return refused('unresolved', `item ${item.id.client}:${item.id.clock} builds on items not held`)
    const key = entryKeyAt(place)
    if (key === null) return refused('not-allowed', `written: ${outside(place)}`)
    if (!(item.content instanceof Y.ContentDeleted) && valueOf(item) === undefined)
      return refused('not-allowed', 'written: content the team document never holds')
    const raw = place.key as string
    const group = written.get(raw)
    if (group === undefined) written.set(raw, { key, items: [item] })
    else group.items.push(item)
  }

  // Which items the update leaves showing, and every item (held or new) that one of them lands to the right of.
  const deleted = deletedRanges(update)
  const isLive = (item: Y.Item): boolean =>
    valueOf(item) !== undefined && !covers(deleted.get(item.id.client), item.id.clock)
  const replaced = new Set<Y.Item>()
  for (const { items } of written.values())
    for (const item of items) {
      if (!isLive(item)) continue
      for (let origin = item.origin; origin !== null;) {
        const found = places.structAt(origin.client, origin.clock)
        if (found === undefined || !(found.struct instanceof Y.Item) || replaced.has(found.struct)) break
        replaced.add(found.struct)
        origin = found.fresh ? found.struct.origin : null
      }
    }

  const context: RuleContext = {
    writer,
    declarerOf: (needId: NeedId) => {
      const key = { kind: 'need', needId } as const
      const raw = entryKey(key)
      const need = heldValue(raw)
      if (need !== undefined) return parseTeamValue(key, need)?.by.id ?? null
      // A need the update declares was judged as declared by the writer.
      return written.get(raw)?.items.some(isLive) === true ? writer.id : null
    },
  }

  /** Why what `item` leaves at its key is not the writer's to leave; null if it is. */
  const refusalOf = (item: Y.Item, raw: string, key: TeamKey, before: unknown): string | null => {
    if (isLive(item)) {
      const value = valueOf(item)
      const refusal = isValidValue(key, value) ? writeRefusal(key, value, before, context) : 'not well-formed'
      return refusal === null ? null : `written ${shown(raw)}: ${refusal}`
    }
    // Unless a live item lands right of it, it may land on top of the held value and leave nothing after it.
    if (replaced.has(item) || before === undefined) return null
    const refusal = removalRefusal(key, before, writer)
    return refusal === null ? null : `removed ${shown(raw)}: ${refusal}`
  }
  for (const [raw, { key, items }] of written) {
    const before = heldValue(raw)
    for (const item of items) {
      const refusal = refusalOf(item, raw, key, before)
      if (refusal !== null) return refused('not-allowed', refusal)
    }
  }

  const deletion = judgeDeletions(doc, update, places, (item, fresh) => {
    // The update's own items were judged above, by what they leave showing.
    if (fresh) return null
    const place = placeOfHeld(item)
    const key = entryKeyAt(place)
    if (key === null) return `deleted: ${outside(place)}`
    if (replaced.has(item)) return null
    const refusal = removalRefusal(key, valueOf(item), writer)
    return refusal === null ? null : `removed ${shown(place.key as string)}: ${refusal}`
  })
  return deletion === null ? { ok: true, value: undefined } : { ok: false, error: deletion }
}
