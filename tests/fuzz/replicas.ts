/**
 * Replicas of one course that exchange updates the ways a real network can: state diffs between two peers, or
 * a random subset of one peer's updates delivered out of order (Yjs holds back what it cannot apply yet).
 */
import * as Y from 'yjs'
import type { Prng } from './prng'

export interface Replica {
  readonly name: string
  readonly doc: Y.Doc
  /** Every update this replica produced itself, in order. */
  readonly log: Uint8Array[]
}

const RELAYED = Symbol('fuzz-relayed')

export const createReplica = (name: string, clientId: number): Replica => {
  const doc = new Y.Doc()
  // Fixed client ids make Yjs's tie-breaks, and so the whole run, reproducible from the seed.
  doc.clientID = clientId
  const log: Uint8Array[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== RELAYED) log.push(update)
  })
  return { name, doc, log }
}

const deliver = (to: Replica, update: Uint8Array): void => Y.applyUpdate(to.doc, update, RELAYED)

/** One partial, one-way sync from `from` to `to`. */
export const partialSync = (from: Replica, to: Replica, prng: Prng): void => {
  if (prng.chance(0.5)) {
    deliver(to, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)))
    return
  }
  const recent = from.log.slice(-20)
  for (const update of prng.shuffle(recent.filter(() => prng.chance(0.5)))) deliver(to, update)
}

/** Full merge: every replica catches up with every other, replicas and sources taken in a random order. */
export const fullMerge = (replicas: readonly Replica[], prng: Prng): void => {
  for (const target of prng.shuffle(replicas)) {
    for (const source of prng.shuffle(replicas)) {
      if (source !== target)
        deliver(target, Y.encodeStateAsUpdate(source.doc, Y.encodeStateVector(target.doc)))
    }
  }
}
