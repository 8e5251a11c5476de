import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  MAX_CLIENT_IDS_PER_CONNECTION,
  applyPresence,
  createPresence,
  encodeEveryonePresent,
  encodePresenceOf,
  removePresence,
  type Announcer,
  type RoomPresence,
} from './presence'
import type { PresenceEntry } from './presence-frame'

const entry = (clientId: number, clock: number, state: unknown): PresenceEntry => ({
  clientId,
  clock,
  state,
  json: JSON.stringify(state),
})
const ada: Announcer = { user: 'u-ada', name: 'Ada' }
const bo: Announcer = { user: 'u-bo', name: 'Bo' }
const stored = (presence: RoomPresence, id: number): unknown => {
  const json = presence.byClientId.get(id)?.json
  return json == null ? json : JSON.parse(json)
}

describe('applyPresence', () => {
  it('applies changes by y-protocols rules and ignores stale echoes', () => {
    const presence = createPresence()
    // A first state at clock 0 is ignored, as y-protocols does.
    expect(applyPresence(presence, ada, null, [entry(1, 0, { a: 0 })]).changed).toEqual([])
    const first = applyPresence(presence, ada, null, [entry(1, 1, { a: 1 })])
    expect(first).toEqual({ changed: [1], announced: new Set([1]), dropped: null })
    expect(applyPresence(presence, ada, first.announced, [entry(1, 1, { a: 2 })]).changed).toEqual([])
    expect(applyPresence(presence, ada, first.announced, [entry(1, 2, { a: 2 })]).changed).toEqual([1])
    expect(stored(presence, 1)).toEqual({ a: 2 })
    // A removal at the same clock counts once.
    expect(applyPresence(presence, ada, first.announced, [entry(1, 2, null)]).changed).toEqual([1])
    expect(applyPresence(presence, ada, first.announced, [entry(1, 2, null)]).changed).toEqual([])
    expect(stored(presence, 1)).toBeNull()
  })

  it("drops another user's client id, whether a change or a removal, and keeps the owner's", () => {
    const presence = createPresence()
    const announced = applyPresence(presence, ada, null, [entry(1, 1, { user: { name: 'x' } })]).announced
    expect(applyPresence(presence, bo, null, [entry(1, 5, { user: { name: 'x' } })])).toEqual({
      changed: [],
      announced: null,
      dropped: 'another-users-client-id',
    })
    expect(applyPresence(presence, bo, null, [entry(1, 1, null)]).dropped).toBe('another-users-client-id')
    expect(stored(presence, 1)).toEqual({ user: { name: 'Ada', id: 'u-ada' } })
    // A stale echo of someone else's state is no drop: it would change nothing.
    expect(applyPresence(presence, bo, null, [entry(1, 1, { user: { name: 'Ada' } })]).dropped).toBeNull()
    // After its connection left, the id still belongs to its user: a reconnect of that user takes it back.
    expect(removePresence(presence, ada, announced ?? [])).toEqual([1])
    expect(applyPresence(presence, bo, null, [entry(1, 6, { b: 1 })]).dropped).toBe('another-users-client-id')
    expect(applyPresence(presence, ada, null, [entry(1, 2, { a: 1 })]).changed).toEqual([1])
  })

  it('keeps a state its user set again through a new connection when the old one leaves', () => {
    const presence = createPresence()
    const before: Announcer = { user: 'u-ada', name: 'Ada' }
    const after: Announcer = { user: 'u-ada', name: 'Ada' }
    const old = applyPresence(presence, before, null, [entry(1, 1, { v: 1 })])
    applyPresence(presence, after, null, [entry(1, 2, { v: 2 })])
    expect(removePresence(presence, before, old.announced ?? [])).toEqual([])
    expect(stored(presence, 1)).toEqual({ v: 2 })
    expect(removePresence(presence, after, [1])).toEqual([1])
  })

  it('lets a connection announce only a few client ids', () => {
    const presence = createPresence()
    const ids = Array.from({ length: MAX_CLIENT_IDS_PER_CONNECTION + 2 }, (_, i) => i + 1)
    const outcome = applyPresence(
      presence,
      ada,
      null,
      ids.map((id) => entry(id, 1, { id })),
    )
    expect(outcome.changed).toEqual(ids.slice(0, MAX_CLIENT_IDS_PER_CONNECTION))
    expect(outcome.dropped).toBe('too-many-client-ids')
    // Removing one does not free a place: the count is of ids ever announced.
    applyPresence(presence, ada, outcome.announced, [entry(1, 1, null)])
    expect(applyPresence(presence, ada, outcome.announced, [entry(99, 1, {})]).dropped).toBe(
      'too-many-client-ids',
    )
    // Its own ids it may keep changing.
    expect(applyPresence(presence, ada, outcome.announced, [entry(2, 2, { id: 2 })]).changed).toEqual([2])
  })

  it('leaves states as sent in open mode', () => {
    const presence = createPresence()
    const json = '{"user":{"name":"CEO"}, "member":{"id":"x","name":"CEO"}}'
    applyPresence(presence, { user: 'open-mode', name: null }, null, [
      { clientId: 1, clock: 1, state: JSON.parse(json), json },
    ])
    expect(presence.byClientId.get(1)?.json).toBe(json)
  })

  it('forgets removed ids once thousands pile up, never present ones', () => {
    const presence = createPresence()
    const live = applyPresence(presence, ada, null, [entry(1, 1, { here: true })])
    for (let i = 0; i < 10_000; i++) {
      const user: Announcer = { user: `u${i}`, name: `n${i}` }
      const { announced } = applyPresence(presence, user, null, [entry(1000 + i, 1, {})])
      removePresence(presence, user, announced ?? [])
    }
    expect(presence.byClientId.size).toBeLessThan(5000)
    expect(stored(presence, 1)).toEqual({ here: true })
    expect(live.changed).toEqual([1])
  })
})

describe('encoding stored presence', () => {
  it('gives a stock client the stored states and removals', () => {
    const presence = createPresence()
    const a = applyPresence(presence, ada, null, [entry(1, 3, { user: { name: 'CEO', colour: '#f00' } })])
    applyPresence(presence, bo, null, [entry(2, 1, { member: { id: 'x', name: 'y' } })])
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState(null)
    applyAwarenessUpdate(awareness, encodeEveryonePresent(presence) ?? new Uint8Array(), null)
    expect(Object.fromEntries(awareness.getStates())).toEqual({
      1: { user: { name: 'Ada', colour: '#f00', id: 'u-ada' } },
      2: { member: { id: 'u-bo', name: 'Bo' } },
    })
    const removed = removePresence(presence, ada, a.announced ?? [])
    applyAwarenessUpdate(awareness, encodePresenceOf(presence, removed), null)
    expect([...awareness.getStates().keys()]).toEqual([2])
    removePresence(presence, bo, [2])
    expect(encodeEveryonePresent(presence)).toBeNull()
    awareness.destroy()
  })
})
