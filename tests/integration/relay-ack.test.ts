/**
 * The relay answers a client's sync step 1 with its own step 1 as well: its state vector is how the app learns which
 * of its changes the relay holds (the protocol has no acknowledgement). Stock clients must not notice.
 */
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeSyncStep1 } from '../../shared/protocol/codec'
import { MessageType, SyncStep } from '../../shared/protocol/messages'
import {
  connectClient,
  destroyClients,
  killRelays,
  openRaw,
  startRelay,
  tokenFor,
  waitFor,
} from './relay-harness'

const ROOM = 'ackCourse0001'

afterEach(async () => {
  destroyClients()
  await killRelays()
})

type SyncFrame = { readonly step: number; readonly payload: Uint8Array }

const syncFrameOf = (frame: Uint8Array): SyncFrame | null => {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MessageType.Sync) return null
  const step = decoding.readVarUint(decoder)
  return { step, payload: decoding.readVarUint8Array(decoder) }
}

describe('relay acknowledgement by state vector', () => {
  it('sends its state vector after answering a step 1, covering the updates sent before it', async () => {
    const relay = await startRelay()
    const writer = connectClient(relay.url, ROOM, await tokenFor(ROOM, 'author'))
    await writer.synced()
    writer.text.insert(0, 'acknowledged words')
    const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)

    const raw = openRaw(relay.url, ROOM, await tokenFor(ROOM, 'author'))
    await raw.opened
    // A bare client that knows nothing asks: the relay answers with step 2 and then its own step 1.
    await waitFor(
      () => raw.received.some((frame) => syncFrameOf(frame)?.step === SyncStep.Step1),
      5000,
      'enter',
    )
    const before = raw.received.length
    raw.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await waitFor(() => raw.received.length >= before + 2, 5000, 'the answer')
    const [answer, vector] = raw.received.slice(before).map(syncFrameOf)
    expect(answer?.step).toBe(SyncStep.Step2)
    expect(vector?.step).toBe(SyncStep.Step1)
    expect(Y.decodeStateVector(vector?.payload ?? new Uint8Array()).get(writer.doc.clientID)).toBe(clock)
    raw.ws.close()
  })

  it('keeps stock clients syncing both ways, with no bad-message closes', async () => {
    const relay = await startRelay()
    const a = connectClient(relay.url, ROOM, await tokenFor(ROOM, 'author'))
    const b = connectClient(relay.url, ROOM, await tokenFor(ROOM, 'author'))
    await Promise.all([a.synced(), b.synced()])
    a.text.insert(0, 'from A ')
    await waitFor(() => b.text.toString() === 'from A ', 5000, 'B to see A')
    b.text.insert(b.text.length, 'and B')
    await waitFor(() => a.text.toString() === 'from A and B', 5000, 'A to see B')

    // A stock client asking again (as its resync timer would) gets the relay's vector and answers it harmlessly.
    const seen: number[] = []
    const handler = a.provider.messageHandlers[MessageType.Sync]
    a.provider.messageHandlers[MessageType.Sync] = (encoder, decoder, provider, emitSynced, type) => {
      const peek = decoding.clone(decoder)
      seen.push(decoding.readVarUint(peek))
      handler?.(encoder, decoder, provider, emitSynced, type)
    }
    a.provider.ws?.send(encodeSyncStep1(Y.encodeStateVector(a.doc)))
    await waitFor(() => seen.includes(SyncStep.Step1), 5000, 'the relay state vector')
    const late = connectClient(relay.url, ROOM, await tokenFor(ROOM, 'author'))
    await waitFor(() => late.text.toString() === 'from A and B', 5000, 'a newcomer to sync')
    expect(relay.logs.filter((line) => line.event === 'bad-message')).toEqual([])
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
  })
})
