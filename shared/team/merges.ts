/**
 * Where merged needs end up. A lead merges a duplicate into another need; the other may itself be merged later,
 * so a need shows under the end of its chain. Two leads merging offline can make a cycle (A into B on one device,
 * B into A on another): then the need with the smallest id in the cycle stays on the board and the others show
 * under it, the same on every device. A merge into a need this device does not hold yet counts once it arrives.
 */
import type { NeedId } from './types'

export interface ResolvedMerges {
  /** Each merged need's final target. */
  readonly targetOf: ReadonlyMap<NeedId, NeedId>
  /** Each target's merged needs (directly or through a chain), in id order. */
  readonly mergedFrom: ReadonlyMap<NeedId, readonly NeedId[]>
}

/** The merges that count: between known needs, with one edge of every cycle dropped. */
const acyclicMerges = (
  merges: ReadonlyMap<NeedId, NeedId>,
  known: ReadonlySet<NeedId>,
): Map<NeedId, NeedId> => {
  const edges = new Map<NeedId, NeedId>()
  for (const [from, into] of merges)
    if (from !== into && known.has(from) && known.has(into)) edges.set(from, into)
  const done = new Set<NeedId>()
  for (const start of [...edges.keys()].sort()) {
    const path: NeedId[] = []
    const onPath = new Set<NeedId>()
    let at: NeedId | undefined = start
    while (at !== undefined && !done.has(at) && !onPath.has(at)) {
      path.push(at)
      onPath.add(at)
      at = edges.get(at)
    }
    if (at !== undefined && onPath.has(at)) {
      const cycle = path.slice(path.indexOf(at))
      const root = cycle.reduce((a, b) => (b < a ? b : a))
      edges.delete(root)
    }
    for (const node of path) done.add(node)
  }
  return edges
}

export const resolveMerges = (
  merges: ReadonlyMap<NeedId, NeedId>,
  known: ReadonlySet<NeedId>,
): ResolvedMerges => {
  const edges = acyclicMerges(merges, known)
  const targetOf = new Map<NeedId, NeedId>()
  const finalOf = (from: NeedId): NeedId => {
    let at = from
    for (let next = edges.get(at); next !== undefined; next = edges.get(at)) at = next
    return at
  }
  for (const from of edges.keys()) targetOf.set(from, finalOf(from))
  const mergedFrom = new Map<NeedId, NeedId[]>()
  for (const [from, target] of [...targetOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = mergedFrom.get(target) ?? []
    list.push(from)
    mergedFrom.set(target, list)
  }
  return { targetOf, mergedFrom }
}
