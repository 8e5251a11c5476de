import * as encoding from 'lib0/encoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  MAX_PRESENCE_DEPTH,
  decodePresenceUpdate,
  encodePresenceUpdate,
  nestsDeeperThan,
} from './presence-frame'

const LIMIT = 16 * 1024

/** An awareness update with raw JSON texts, as a hostile client would write it. */
const update = (...entries: [clientId: number, clock: number, json: string][]): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

describe('nestsDeeperThan', () => {
  it('counts brackets and braces outside strings only', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false)
    expect(nestsDeeperThan(nested(33), 32)).toBe(true)
    expect(nestsDeeperThan('{"a":[{"b":{}}]}', 3)).toBe(true)
    expect(nestsDeeperThan('{"a":[{"b":{}}]}', 4)).toBe(false)
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[{{{{' }), 1)).toBe(false)
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    expect(nestsDeeperThan(JSON.stringify({ text: '"[[[[' }), 1)).toBe(false)
    expect(nestsDeeperThan(JSON.stringify({ text: '\\' }) + '[[', 2)).toBe(false)
    expect(nestsDeeperThan(`{"a":"\\\\"}${'['.repeat(4)}`, 3)).toBe(true)
  })

  it('measures 20,000 levels without recursion', () => {
    expect(nestsDeeperThan(nested(20_000), MAX_PRESENCE_DEPTH)).toBe(true)
  })
})

describe('decodePresenceUpdate', () => {
  it('reads what y-protocols writes', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'Ada', colour: '#f00' }, lessonId: 'l1' })
    const decoded = decodePresenceUpdate(encodeAwarenessUpdate(awareness, [awareness.clientID]), LIMIT)
    expect(decoded).toEqual({
      ok: true,
      value: [
        {
          clientId: awareness.clientID,
          clock: 1,
          state: { user: { name: 'Ada', colour: '#f00' }, lessonId: 'l1' },
          json: '{"user":{"name":"Ada","colour":"#f00"},"lessonId":"l1"}',
        },
      ],
    })
    awareness.destroy()
  })

  it('reads removals and several entries', () => {
    expect(decodePresenceUpdate(update([1, 2, 'null'], [3, 4, '{"a":1}']), LIMIT)).toMatchObject({
      ok: true,
      value: [
        { clientId: 1, clock: 2, state: null },
        { clientId: 3, clock: 4, state: { a: 1 } },
      ],
    })
  })

  it('refuses a state over the byte limit before decoding it', () => {
    const json = JSON.stringify({ pad: 'x'.repeat(LIMIT) })
    expect(decodePresenceUpdate(update([1, 1, json]), LIMIT)).toMatchObject({
      ok: false,
      error: { kind: 'too-large' },
    })
    const exact = JSON.stringify({ pad: 'x'.repeat(LIMIT - 10) })
    expect(exact.length).toBe(LIMIT)
    expect(decodePresenceUpdate(update([1, 1, exact]), LIMIT).ok).toBe(true)
  })

  it('counts bytes, not characters', () => {
    const json = JSON.stringify({ pad: 'é'.repeat(LIMIT / 2) })
    expect(json.length).toBeLessThan(LIMIT)
    expect(decodePresenceUpdate(update([1, 1, json]), LIMIT)).toMatchObject({ error: { kind: 'too-large' } })
  })

  it('refuses nesting deeper than the limit, and the whole update with it', () => {
    expect(decodePresenceUpdate(update([1, 1, `{"a":${nested(31)}}`]), LIMIT).ok).toBe(true)
    expect(decodePresenceUpdate(update([1, 1, '{}'], [2, 1, `{"a":${nested(32)}}`]), LIMIT)).toMatchObject({
      ok: false,
      error: { kind: 'too-deep' },
    })
    const deep = `{"user":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`
    expect(decodePresenceUpdate(update([1, 1, deep]), 1 << 20)).toMatchObject({ error: { kind: 'too-deep' } })
  })

  it('refuses what is not an awareness update as malformed, without throwing', () => {
    const good = update([1, 1, '{"a":1}'])
    for (const bad of [
      new Uint8Array(),
      good.subarray(0, good.length - 1),
      new Uint8Array([...good, 0]),
      update([1, 1, '{nope']),
      update([1, 1, '']),
      new Uint8Array([1, 1, 1, 2, 0xff, 0xfe]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 1, 0]),
    ])
      expect(decodePresenceUpdate(bad, LIMIT)).toMatchObject({ ok: false, error: { kind: 'malformed' } })
  })
})

describe('encodePresenceUpdate', () => {
  it('writes what y-protocols reads, removals as null', () => {
    const awareness = new Awareness(new Y.Doc())
    applyAwarenessUpdate(
      awareness,
      encodePresenceUpdate([
        { clientId: 7, clock: 3, json: '{"user":{"name":"Bo"}}' },
        { clientId: 8, clock: 1, json: '{"x":1}' },
      ]),
      null,
    )
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'Bo' } })
    applyAwarenessUpdate(awareness, encodePresenceUpdate([{ clientId: 7, clock: 3, json: null }]), null)
    expect(awareness.getStates().has(7)).toBe(false)
    expect(awareness.getStates().has(8)).toBe(true)
    awareness.destroy()
  })
})
