import { describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { keepPresenceLive } from './presence-liveness'

// Real time (y-protocols stamps states with a clock fake timers do not move), scaled down twentyfold.
const TIMING = { renewMs: 50, staleMs: 200 }
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Two clients whose awareness updates reach each other while `linked.on` is true. */
const pair = () => {
  const a = new Awareness(new Y.Doc())
  const b = new Awareness(new Y.Doc())
  const linked = { on: true }
  const forward = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (!linked.on || origin === 'remote') return
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])].filter(
        (id) => id === from.clientID,
      )
      if (changed.length > 0) applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'remote')
    })
  forward(a, b)
  forward(b, a)
  a.setLocalState({ user: { name: 'Ada', colour: '#c2410c' } })
  b.setLocalState({ user: { name: 'Bo', colour: '#15803d' } })
  return { a, b, linked }
}

describe('keepPresenceLive', () => {
  it('keeps a co-author who stays connected, however long', async () => {
    const { a, b } = pair()
    const stops = [keepPresenceLive(a, TIMING), keepPresenceLive(b, TIMING)]
    await wait(1_000)
    expect(b.getStates().has(a.clientID)).toBe(true)
    expect(a.getStates().has(b.clientID)).toBe(true)
    stops.forEach((stop) => stop())
  })

  it('drops a co-author whose network died within seconds, and takes them back when they return', async () => {
    const { a, b, linked } = pair()
    const stops = [keepPresenceLive(a, TIMING), keepPresenceLive(b, TIMING)]
    await wait(100)
    linked.on = false
    await wait(TIMING.staleMs + 100)
    expect(b.getStates().has(a.clientID)).toBe(false)
    linked.on = true
    await wait(150)
    expect(b.getStates().has(a.clientID)).toBe(true)
    stops.forEach((stop) => stop())
  })

  it('without it, y-protocols keeps the silent co-author for 30 s', async () => {
    const { a, b, linked } = pair()
    linked.on = false
    await wait(TIMING.staleMs + 100)
    expect(b.getStates().has(a.clientID)).toBe(true)
  })
})
