/**
 * Where the structs of a decoded Yjs update would land in a document, worked out without applying it.
 *
 * Yjs writes a struct's parent (a root name, or the ID of the item holding a nested type) only when the struct
 * has no neighbour; otherwise the parent is its left neighbour's (`origin`), or else its right neighbour's, and that
 * neighbour sits either in the document or earlier in the same update. A map entry is a struct whose `parentSub`
 * is its key; overwriting a key adds a struct whose `origin` is the old value.
 */
import * as Y from 'yjs'
import type { Result } from '../errors'

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>
type Struct = DecodedUpdate['structs'][number]

/** A root type by name, or the item holding a nested type: in the document, or `fresh` from the update. */
export type Parent =
  { readonly root: string; readonly item?: undefined } | { readonly item: Y.Item; readonly fresh: boolean }

export interface Place {
  readonly parent: Parent
  /** The map key; null for a list entry. */
  readonly key: string | null
}

/**
 * `gone`: a neighbour was garbage-collected, so Yjs turns the struct into a GC and it changes nothing.
 * `missing`: it refers to something neither the document nor the update holds (yet).
 */
export type Placement = Place | 'gone' | 'missing'

export interface UpdatePlaces {
  /** The update's items the document does not hold yet: the ones applying it would add. */
  readonly added: readonly Y.Item[]
  placeOf(item: Y.Item): Placement
  /** The struct with this ID: the document's if it holds that clock, else the update's. */
  structAt(client: number, clock: number): { readonly struct: Struct; readonly fresh: boolean } | undefined
}

const structCovering = (structs: readonly Struct[], clock: number): Struct | undefined => {
  let low = 0
  let high = structs.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const struct = structs[middle] as Struct
    if (struct.id.clock > clock) high = middle - 1
    else if (struct.id.clock + struct.length <= clock) low = middle + 1
    else return struct
  }
  return undefined
}

/** Where an item the document already holds sits: Yjs has resolved its parent to a type. */
export const placeOfHeld = (item: Y.Item): Place => {
  const type = item.parent as Y.AbstractType<unknown>
  const holder = type._item
  return {
    parent: holder === null ? { root: Y.findRootTypeKey(type) } : { item: holder, fresh: false },
    key: item.parentSub,
  }
}

export const updatePlaces = (doc: Y.Doc, update: DecodedUpdate): UpdatePlaces => {
  const byClient = new Map<number, Struct[]>()
  const added: Y.Item[] = []
  for (const struct of update.structs) {
    const client = struct.id.client
    let structs = byClient.get(client)
    if (structs === undefined) byClient.set(client, (structs = []))
    structs.push(struct)
    if (struct instanceof Y.Item && struct.id.clock + struct.length > Y.getState(doc.store, client))
      added.push(struct)
  }
  // Sorted by clock, as Yjs writes them; a crafted update may not be, and binary search needs it.
  for (const structs of byClient.values()) structs.sort((a, b) => a.id.clock - b.id.clock)

  const structAt: UpdatePlaces['structAt'] = (client, clock) => {
    if (clock < Y.getState(doc.store, client)) {
      const held = doc.store.clients.get(client)
      const struct = held?.[Y.findIndexSS(held, clock)]
      return struct === undefined ? undefined : { struct, fresh: false }
    }
    const fresh = structCovering(byClient.get(client) ?? [], clock)
    return fresh === undefined ? undefined : { struct: fresh, fresh: true }
  }

  const placements = new Map<Y.Item, Placement>()

  /** One step: the placement, or the fresh neighbour whose placement this one shares. */
  const step = (item: Y.Item): Placement | Y.Item => {
    const parent = item.parent as unknown
    if (typeof parent === 'string') return { parent: { root: parent }, key: item.parentSub }
    if (parent instanceof Y.ID) {
      const found = structAt(parent.client, parent.clock)
      if (found === undefined || found.struct instanceof Y.Skip) return 'missing'
      // A removed type keeps its item with its content dropped: Yjs turns what is written into it into a GC.
      if (found.struct instanceof Y.GC || found.struct.content instanceof Y.ContentDeleted) return 'gone'
      return { parent: { item: found.struct, fresh: found.fresh }, key: item.parentSub }
    }
    const left = item.origin === null ? null : structAt(item.origin.client, item.origin.clock)
    const right = item.rightOrigin === null ? null : structAt(item.rightOrigin.client, item.rightOrigin.clock)
    if (left === undefined || right === undefined) return 'missing'
    if (left?.struct instanceof Y.Skip || right?.struct instanceof Y.Skip) return 'missing'
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return 'gone'
    const neighbour = left ?? right
    if (neighbour === null) return 'missing'
    const struct = neighbour.struct as Y.Item
    return neighbour.fresh ? struct : placeOfHeld(struct)
  }

  /** Follows neighbours iteratively (a crafted update can chain thousands) and remembers every step's answer. */
  const placeOf = (item: Y.Item): Placement => {
    const known = placements.get(item)
    if (known !== undefined) return known
    const chain: Y.Item[] = []
    const seen = new Set<Y.Item>()
    let current = item
    let placement: Placement | undefined = placements.get(current)
    while (placement === undefined) {
      seen.add(current)
      chain.push(current)
      const next = step(current)
      if (!(next instanceof Y.Item)) placement = next
      else if (seen.has(next)) placement = 'missing'
      else {
        current = next
        placement = placements.get(current)
      }
    }
    for (const link of chain) placements.set(link, placement)
    return placement
  }

  return { added, placeOf, structAt }
}

/** Why an update may not be applied: it changes what its writer may not, or builds on items not held yet. */
export interface UpdateRefusal {
  readonly kind: 'not-allowed' | 'unresolved'
  readonly reason: string
}

/** A guard's verdict refusing an update. */
export const refuseUpdate = (kind: UpdateRefusal['kind'], reason: string): Result<never, UpdateRefusal> => ({
  ok: false,
  error: { kind, reason },
})

/**
 * Judges every item the update's delete set would delete, the document's (`fresh` false) and the update's own,
 * by `refusalOf` (a reason, or null to allow it), and returns the first refusal. Items deleted already are
 * skipped: deleting them again changes nothing, and every sync step 2 lists the sender's whole delete set.
 * A range naming clocks neither the document nor the update holds is `unresolved`.
 */
export const judgeDeletions = (
  doc: Y.Doc,
  update: DecodedUpdate,
  places: UpdatePlaces,
  refusalOf: (item: Y.Item, fresh: boolean) => string | null,
): UpdateRefusal | null => {
  for (const [client, ranges] of update.ds.clients) {
    const held = doc.store.clients.get(client) ?? []
    const heldUpTo = Y.getState(doc.store, client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      // Walk the held structs directly, so a reconnect costs little more than a search per range.
      for (
        let index = clock < heldUpTo ? Y.findIndexSS(held, clock) : held.length;
        index < held.length;
        index++
      ) {
        const struct = held[index] as Y.Item | Y.GC
        if (struct.id.clock >= end) break
        if (struct instanceof Y.Item && !struct.deleted) {
          const reason = refusalOf(struct, false)
          if (reason !== null) return { kind: 'not-allowed', reason }
        }
      }
      for (let at = Math.max(clock, heldUpTo); at < end;) {
        const found = places.structAt(client, at)
        if (found === undefined || found.struct instanceof Y.Skip)
          return { kind: 'unresolved', reason: `deletes ${client}:${at}, which is not held` }
        if (found.struct instanceof Y.Item) {
          const reason = refusalOf(found.struct, true)
          if (reason !== null) return { kind: 'not-allowed', reason }
        }
        at = found.struct.id.clock + found.struct.length
      }
    }
  }
  return null
}
