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

/** Deleted clocks per client as sorted, non-overlapping [start, end) spans: built once per relay answer. */
export type DeleteIndex = ReadonlyMap<number, readonly (readonly [number, number])[]>

/** What the relay last told us it holds. */
export interface RelayKnowledge {
  /** Clock per client id, from the relay's sync step 1. Null until one arrived. */
  readonly stateVector: ReadonlyMap<number, number> | null
  /** Deletions the relay holds, from its sync step 2 (always its whole delete set). Null until one arrived. */
  readonly deleted: DeleteIndex | null
}

export const NOTHING_KNOWN: RelayKnowledge = { stateVector: null, deleted: null }

/** Indexes delete ranges in any order, merging touching ones. */
export const indexDeletes = (ranges: readonly ClockRange[]): DeleteIndex => {
  const byClient = new Map<number, [number, number][]>()
  for (const { client, clock, len } of [...ranges].sort((a, b) => a.clock - b.clock)) {
    const spans = byClient.get(client) ?? []
    const last = spans.at(-1)
    if (last !== undefined && clock <= last[1]) last[1] = Math.max(last[1], clock + len)
    else spans.push([clock, clock + len])
    byClient.set(client, spans)
  }
  return byClient
}

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

const covers = (deleted: DeleteIndex, { client, clock, len }: ClockRange): boolean => {
  const spans = deleted.get(client) ?? []
  // Binary search for the last span starting at or before `clock`; merged spans mean it alone must cover the range.
  let low = 0
  let high = spans.length - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if ((spans[mid] as readonly [number, number])[0] <= clock) low = mid
    else high = mid - 1
  }
  const span = spans[low]
  return span !== undefined && span[0] <= clock && clock + len <= span[1]
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
  const deletes = startDeletes.map((range): PendingChange => ({
    client: range.client,
    clock: 0,
    deletes: [range],
  }))
  return outstanding([...inserts, ...deletes], relay)
}
