import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/close-codes'
import { encodeUpdate } from '../../shared/protocol/codec'
import {
  connectClient,
  health,
  killRelays,
  openRaw,
  startRelay,
  storedDoc,
  tokenFor,
  waitFor,
  type Client,
  type RelayProcess,
} from './relay-harness'

const ROOM = 'badInputRoom'
const MAX_MESSAGE_BYTES = 64 * 1024
let relay: RelayProcess
let a: Client
let b: Client

beforeAll(async () => {
  relay = await startRelay({ args: ['--max-message-bytes', String(MAX_MESSAGE_BYTES)] })
  a = connectClient(relay.url, ROOM, await tokenFor(ROOM, 'author'))
  b = connectClient(relay.url, ROOM, await tokenFor(ROOM, 'author'))
  await Promise.all([a.synced(), b.synced()])
})
afterAll(async () => {
  a.destroy()
  b.destroy()
  await killRelays()
})

/** Deterministic bytes (mulberry32), so a failure can be replayed. */
const randomBytes = (seed: number, length: number): Uint8Array => {
  let state = seed
  return Uint8Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) % 256
  })
}

const realUpdate = (): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, 'INJECTED TEXT THAT MUST NEVER BE STORED')
  return Y.encodeStateAsUpdate(doc)
}

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Sends one bad frame on its own connection and reports how that connection ended. */
const sendBad = async (payload: Uint8Array | string): Promise<{ code?: number; reason?: string }> => {
  const socket = openRaw(relay.url, ROOM, await tokenFor(ROOM, 'author'))
  await socket.opened
  socket.ws.send(payload)
  return socket.ended
}

const RANDOM_FRAMES = 40
/** Raw random bytes, or random bytes correctly framed as an update or awareness, so every decoder gets its share. */
const randomFrame = (seed: number): Uint8Array => {
  const bytes = randomBytes(seed, 1 + ((seed * 37) % 200))
  const framed = (...head: number[]): Uint8Array =>
    frame((e) => (head.forEach((n) => encoding.writeVarUint(e, n)), encoding.writeVarUint8Array(e, bytes)))
  return [bytes, framed(0, 1), framed(0, 2), framed(1)][seed % 4] ?? bytes
}
const update = realUpdate()
const cases: [string, Uint8Array | string, number][] = [
  ['a truncated sync message', encodeUpdate(update).subarray(0, 12), CloseCode.MalformedMessage],
  [
    'a sync message whose update is truncated inside',
    frame(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 2),
        encoding.writeVarUint8Array(e, update.subarray(0, update.length - 4))
      ),
    ),
    CloseCode.MalformedMessage,
  ],
  ['trailing bytes after a valid message', new Uint8Array([3, 1, 2]), CloseCode.MalformedMessage],
  [
    'awareness that is not JSON',
    frame(
      (e) => (
        encoding.writeVarUint(e, 1),
        encoding.writeVarUint8Array(
          e,
          frame(
            (inner) => (
              encoding.writeVarUint(inner, 1),
              encoding.writeVarUint(inner, 7),
              encoding.writeVarUint(inner, 1),
              encoding.writeVarString(inner, '{nope')
            ),
          ),
        )
      ),
    ),
    CloseCode.MalformedMessage,
  ],
  ['a text frame', 'hello relay', CloseCode.MalformedMessage],
  ['an unknown message type', new Uint8Array([42, 0]), CloseCode.UnknownMessageType],
  ['an auth message from a client', new Uint8Array([2, 0, 0]), CloseCode.UnknownMessageType],
  ['an unknown sync step', new Uint8Array([0, 9, 0]), CloseCode.UnknownMessageType],
  ['an oversized message', new Uint8Array(MAX_MESSAGE_BYTES + 1), CloseCode.MessageTooBig],
]

describe('relay bad input', () => {
  it('closes only the offending connection, with its documented code, while two clients keep syncing', async () => {
    const socketsBefore = [a.provider.ws, b.provider.ws]
    let typed = 0
    const typing = setInterval(() => a.text.insert(a.text.length, String(typed++ % 10)), 5)
    try {
      for (const [, payload, code] of cases) expect(await sendBad(payload)).toMatchObject({ code })
      for (let seed = 1; seed <= RANDOM_FRAMES; seed++) {
        const ended = await sendBad(randomFrame(seed))
        expect([CloseCode.MalformedMessage, CloseCode.UnknownMessageType]).toContain(ended.code)
      }
    } finally {
      clearInterval(typing)
    }
    await waitFor(() => b.text.toString() === a.text.toString(), 5000, 'B to converge with A')
    expect(typed).toBeGreaterThan(10)
    expect([a.provider.ws, b.provider.ws]).toEqual(socketsBefore)
    expect(await health(relay.url)).toMatchObject({ status: 'ok', connections: 2 })

    const complaints = () =>
      relay.logs.filter((line) => line.event === 'bad-message' || line.event === 'message-too-big')
    await expect.poll(() => complaints().length, { timeout: 5_000 }).toBe(cases.length + RANDOM_FRAMES)

    // Nothing from the bad frames reached the stored document.
    expect(storedDoc(relay.dataDir, ROOM).getText('body').toString()).toBe(a.text.toString())
  })
})
