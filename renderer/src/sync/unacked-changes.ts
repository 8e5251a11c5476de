/**
 * Which local changes the relay is known to hold. The y-websocket protocol has no acknowledgement, so the relay's
 * answers stand in for one: its state vector (our relay sends one after every sync step 1) says which inserted
 * content it has, and the delete set inside its sync step 2 says which deletions it has. Pure: Yjs types are
 * turned into these plain shapes at the edge (see unacked-tracker.ts).
 */

/** Consecutive clocks of one Yjs client: a run of inserted or deleted content. */
export interface ClockRange {
  readonly client: number
  readonly clock: number
  readonly len: number
}

/** One local change; the relay holds it once it has `client`'s content up to `clock` and every deletion listed. */
export interface PendingChange {
  readonly client: number
  /** The client's clock after the change; 0 when the change only deleted. */
  readonly clock: number
  readonly deletes: readonly ClockRange[]
}

/** What the relay last told us it holds. */
export interface RelayKnowledge {
  /** Clock per client id, from the relay's sync step 1. Null until one arrived. */
  readonly stateVector: ReadonlyMap<number, number> | null
  /** Deletions the relay holds, from its sync step 2 (always its whole delete set). Null until one arrived. */
  readonly deleted: readonly ClockRange[] | null
}

export const NOTHING_KNOWN: RelayKnowledge = { stateVector: null, deleted: null }

/**
 * The change a local transaction made, from the client's clock before and after it and the ranges it deleted;
 * null for a transaction that changed nothing.
 */
export const changeOf = (
  client: number,
  clockBefore: number,
  clockAfter: number,
  deletes: readonly ClockRange[],
): PendingChange | null => {
  const inserted = clockAfter > clockBefore
  if (!inserted && deletes.length === 0) return null
  return { client, clock: inserted ? clockAfter : 0, deletes }
}

const covers = (held: readonly ClockRange[], range: ClockRange): boolean => {
  // The ranges are few per client and sorted by the relay's encoder, but a linear walk does not rely on it.
  let from = range.clock
  const end = range.clock + range.len
  const sorted = held.filter((r) => r.client === range.client).sort((a, b) => a.clock - b.clock)
  for (const r of sorted) {
    if (r.clock > from) break
    from = Math.max(from, r.clock + r.len)
    if (from >= end) return true
  }
  return from >= end
}

/** Whether the relay is known to hold the whole change. */
export const isAcknowledged = (change: PendingChange, relay: RelayKnowledge): boolean => {
  if (change.clock > 0 && (relay.stateVector?.get(change.client) ?? 0) < change.clock) return false
  if (change.deletes.length === 0) return true
  const deleted = relay.deleted
  return deleted !== null && change.deletes.every((range) => covers(deleted, range))
}

/** The changes the relay is not known to hold, in their order. */
export const outstanding = (
  changes: readonly PendingChange[],
  relay: RelayKnowledge,
): readonly PendingChange[] => changes.filter((change) => !isAcknowledged(change, relay))

/**
 * Changes this device already had when the course opened (made before a reload, or content that never reached the
 * relay), as far as the relay's answers show it lacks them. `missing` is the content the relay's state vector lacks;
 * only what existed at `start` counts, because later changes are tracked one by one.
 */
export const backlog = (
  start: ReadonlyMap<number, number>,
  missing: readonly ClockRange[],
  startDeletes: readonly ClockRange[],
  relay: RelayKnowledge,
): readonly PendingChange[] => {
  const inserts = missing.flatMap((range): PendingChange[] => {
    const known = start.get(range.client) ?? 0
    if (range.clock >= known) return []
    return [{ client: range.client, clock: Math.min(range.clock + range.len, known), deletes: [] }]
  })
  const deletes = startDeletes.map((range): PendingChange => ({ client: range.client, clock: 0, deletes: [range] }))
  return outstanding([...inserts, ...deletes], relay)
}
