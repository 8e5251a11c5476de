import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import {
  decodeClientMessage,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './codec'

const updateOf = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe('decodeClientMessage', () => {
  it('round-trips every client message kind', () => {
    const update = updateOf('hello')
    expect(decodeClientMessage(encodeSyncStep1(new Uint8Array([1, 2])))).toEqual({
      ok: true,
      value: { kind: 'sync-step1', stateVector: new Uint8Array([1, 2]) },
    })
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({
      ok: true,
      value: { kind: 'sync-step2', update },
    })
    expect(decodeClientMessage(encodeUpdate(update))).toEqual({
      ok: true,
      value: { kind: 'sync-update', update },
    })
    expect(decodeClientMessage(encodeAwareness(new Uint8Array([0])))).toEqual({
      ok: true,
      value: { kind: 'awareness', update: new Uint8Array([0]) },
    })
    expect(decodeClientMessage(encodeQueryAwareness())).toEqual({
      ok: true,
      value: { kind: 'query-awareness' },
    })
  })

  it('reads what y-protocols writes', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, new Y.Doc())
    expect(decodeClientMessage(encoding.toUint8Array(encoder))).toMatchObject({
      ok: true,
      value: { kind: 'sync-step1' },
    })
  })

  it('calls truncated frames, trailing bytes and empty frames malformed', () => {
    const frame = encodeUpdate(updateOf('hello'))
    expect(decodeClientMessage(frame.subarray(0, frame.length - 3))).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    })
    expect(decodeClientMessage(new Uint8Array([...frame, 7]))).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    })
    expect(decodeClientMessage(new Uint8Array([]))).toMatchObject({ ok: false, error: { kind: 'malformed' } })
    expect(decodeClientMessage(new Uint8Array([0xff, 0xff, 0xff]))).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    })
  })

  it('calls auth frames, unknown types and unknown sync steps unknown', () => {
    expect(decodeClientMessage(new Uint8Array([2, 0, 0]))).toMatchObject({
      ok: false,
      error: { kind: 'unknown-type' },
    })
    expect(decodeClientMessage(new Uint8Array([42]))).toMatchObject({
      ok: false,
      error: { kind: 'unknown-type' },
    })
    expect(decodeClientMessage(new Uint8Array([0, 9, 0]))).toMatchObject({
      ok: false,
      error: { kind: 'unknown-type' },
    })
  })
})
