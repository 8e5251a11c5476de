import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  NOTHING_KNOWN,
  backlog,
  changeOf,
  indexDeletes,
  isAcknowledged,
  outstanding,
  type ClockRange,
  type RelayKnowledge,
} from './unacked-changes'

const ME = 7
const relayWith = (vector: Record<number, number>, deleted: readonly ClockRange[] = []): RelayKnowledge => ({
  stateVector: new Map(Object.entries(vector).map(([client, clock]) => [Number(client), clock])),
  deleted: indexDeletes(deleted),
})

describe('changeOf', () => {
  it('ignores transactions that changed nothing and records inserts by their end clock', () => {
    expect(changeOf(ME, 4, 4, [])).toBeNull()
    expect(changeOf(ME, 4, 9, [])).toEqual({ client: ME, clock: 9, deletes: [] })
  })

  it('records a deletion alone with clock 0, so the state vector cannot acknowledge it', () => {
    const deletes = [{ client: 3, clock: 2, len: 1 }]
    expect(changeOf(ME, 4, 4, deletes)).toEqual({ client: ME, clock: 0, deletes })
  })
})

describe('isAcknowledged', () => {
  const typed = { client: ME, clock: 5, deletes: [] }
  const deleted = { client: ME, clock: 0, deletes: [{ client: 3, clock: 10, len: 4 }] }

  it('needs the relay to hold the change’s content up to its clock', () => {
    expect(isAcknowledged(typed, NOTHING_KNOWN)).toBe(false)
    expect(isAcknowledged(typed, relayWith({ [ME]: 4 }))).toBe(false)
    expect(isAcknowledged(typed, relayWith({ [ME]: 5 }))).toBe(true)
    expect(isAcknowledged(typed, relayWith({ 8: 50 }))).toBe(false)
  })

  it('needs every deleted range inside the relay’s delete set, which may hold it in pieces', () => {
    expect(isAcknowledged(deleted, relayWith({ [ME]: 99 }))).toBe(false)
    const wide = indexDeletes([{ client: 3, clock: 9, len: 10 }])
    expect(isAcknowledged(deleted, { stateVector: null, deleted: wide })).toBe(true)
    const pieces = [
      { client: 3, clock: 12, len: 5 },
      { client: 3, clock: 10, len: 2 },
    ]
    expect(isAcknowledged(deleted, relayWith({}, pieces))).toBe(true)
    const gap = [
      { client: 3, clock: 10, len: 1 },
      { client: 3, clock: 12, len: 5 },
    ]
    expect(isAcknowledged(deleted, relayWith({}, gap))).toBe(false)
    expect(isAcknowledged(deleted, relayWith({}, [{ client: 4, clock: 10, len: 4 }]))).toBe(false)
  })
})

describe('indexDeletes', () => {
  it('sorts and merges touching and overlapping ranges per client', () => {
    const index = indexDeletes([
      { client: 3, clock: 12, len: 5 },
      { client: 4, clock: 0, len: 1 },
      { client: 3, clock: 10, len: 2 },
      { client: 3, clock: 14, len: 1 },
      { client: 3, clock: 30, len: 2 },
    ])
    expect(index.get(3)).toEqual([
      [10, 17],
      [30, 32],
    ])
    expect(index.get(4)).toEqual([[0, 1]])
  })
})

describe('outstanding', () => {
  it('keeps, in order, the changes the relay does not hold', () => {
    const changes = [1, 2, 3, 4].map((clock) => ({ client: ME, clock, deletes: [] }))
    expect(outstanding(changes, relayWith({ [ME]: 2 })).map((c) => c.clock)).toEqual([3, 4])
    expect(outstanding(changes, NOTHING_KNOWN)).toHaveLength(4)
  })
})

describe('backlog of changes made before the course opened', () => {
  it('counts what a real document holds and the relay lacks, never what came later', () => {
    const local = new Y.Doc()
    local.clientID = ME
    const text = local.getText('body')
    text.insert(0, 'relayed ')
    const relayDoc = new Y.Doc()
    Y.applyUpdate(relayDoc, Y.encodeStateAsUpdate(local))
    // Offline before the reload: a run of typing and a deletion of relayed text.
    text.insert(8, 'offline')
    text.delete(0, 3)
    const start = Y.decodeStateVector(Y.encodeStateVector(local))
    const startDeletes = rangesOf(Y.decodeUpdate(Y.encodeStateAsUpdate(local, Y.encodeStateVector(local))).ds)
    // After opening: more typing, tracked one by one elsewhere.
    text.insert(text.length, ' now')

    const relay: RelayKnowledge = {
      stateVector: Y.decodeStateVector(Y.encodeStateVector(relayDoc)),
      deleted: indexDeletes(
        rangesOf(Y.decodeUpdate(Y.encodeStateAsUpdate(relayDoc, Y.encodeStateVector(relayDoc))).ds),
      ),
    }
    const missing = Y.decodeUpdate(Y.encodeStateAsUpdate(local, Y.encodeStateVector(relayDoc))).structs.map(
      (s) => ({ client: s.id.client, clock: s.id.clock, len: s.length }),
    )
    const found = backlog(start, missing, startDeletes, relay)
    expect(found).toEqual([
      { client: ME, clock: 15, deletes: [] },
      { client: ME, clock: 0, deletes: [{ client: ME, clock: 0, len: 3 }] },
    ])

    // Once the relay has everything, nothing is left.
    Y.applyUpdate(relayDoc, Y.encodeStateAsUpdate(local))
    const caughtUp: RelayKnowledge = {
      stateVector: Y.decodeStateVector(Y.encodeStateVector(relayDoc)),
      deleted: indexDeletes(
        rangesOf(Y.decodeUpdate(Y.encodeStateAsUpdate(relayDoc, Y.encodeStateVector(relayDoc))).ds),
      ),
    }
    expect(outstanding(found, caughtUp)).toEqual([])
  })
})

function rangesOf(ds: { clients: Map<number, readonly { clock: number; len: number }[]> }): ClockRange[] {
  return [...ds.clients].flatMap(([client, items]) => items.map(({ clock, len }) => ({ client, clock, len })))
}
