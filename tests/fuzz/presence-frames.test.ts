/**
 * Seeded fuzz test of the relay's presence decoder: random awareness updates (random JSON states, nesting up to
 * 20,000 levels, strings around and far over the size limit, brackets and quotes inside strings), then the same
 * truncated and mutated byte by byte. The decoder must never throw, must accept exactly the generated updates
 * within the limits, and must never accept a state deeper than 32 levels or larger than the limit. The nastiest
 * frames then go through a real relay, which must close each sender and keep serving a well-behaved client.
 *
 * Replay a failure:    CHORUS_FUZZ_SEED=<seed> npx vitest run tests/fuzz/presence-frames.test.ts
 * Run longer:          CHORUS_FUZZ_FRAMES=100000 npx vitest run tests/fuzz/presence-frames.test.ts
 */
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_PRESENCE_DEPTH, decodePresenceUpdate } from '../../relay-server/src/presence-frame'
import { CloseCode } from '../../shared/protocol/close-codes'
import {
  awarenessMessage,
  deepState,
  presenceUpdate,
  type RawPresence,
} from '../integration/presence-support'
import {
  connectClient,
  destroyClients,
  health,
  killRelays,
  openRaw,
  startRelay,
  tokenFor,
  waitFor,
} from '../integration/relay-harness'
import { createPrng, type Prng } from './prng'

const SEED = Number(process.env.CHORUS_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32))
const FRAMES = Number(process.env.CHORUS_FUZZ_FRAMES ?? 2000)
const LIMIT = 16 * 1024

afterAll(async () => {
  destroyClients()
  await killRelays()
})

/** A generated state: its JSON text and how deep it nests, known by construction. */
interface Generated {
  readonly json: string
  readonly depth: number
}

const STRING_PIECES = ['a', 'é', '😀', '[', ']', '{', '}', '\\"', '\\\\', '\\n', '\\u005b', ':', ',', ' ']

const randomString = (prng: Prng, length: number, prefix = ''): string =>
  `"${prefix}${Array.from({ length }, () => prng.pick(STRING_PIECES)).join('')}"`

/** A random JSON value nesting at most `maxDepth` levels (kept small: deep ones are built by wrapping). */
const shallowValue = (prng: Prng, maxDepth: number): Generated => {
  const roll = prng.int(maxDepth > 0 ? 8 : 5)
  if (roll === 0) return { json: 'null', depth: 0 }
  if (roll === 1) return { json: prng.chance(0.5) ? 'true' : 'false', depth: 0 }
  if (roll === 2) return { json: String(prng.int(1e9) - 5e8), depth: 0 }
  if (roll <= 4) return { json: randomString(prng, prng.int(12)), depth: 0 }
  const children = Array.from({ length: prng.int(4) }, () => shallowValue(prng, maxDepth - 1))
  const depth = 1 + Math.max(0, ...children.map((child) => child.depth))
  if (roll === 5) return { json: `[${children.map((child) => child.json).join(',')}]`, depth }
  // Unique keys: JSON.parse keeps only the last of duplicates, which could change the depth.
  const members = children.map((child, i) => `${randomString(prng, 3, String(i))}:${child.json}`)
  return { json: `{${members.join(',')}}`, depth }
}

/** Wraps a value in `levels` arrays or objects, as text, so any depth is cheap and never recursive. */
const wrapped = (prng: Prng, inner: Generated, levels: number): Generated => {
  const asArray = prng.chance(0.5)
  const open = asArray ? '[' : '{"k":'
  const close = asArray ? ']' : '}'
  return { json: open.repeat(levels) + inner.json + close.repeat(levels), depth: inner.depth + levels }
}

const padded = (prng: Prng, bytes: number): Generated => {
  const inner = shallowValue(prng, 2)
  const head = `{"v":${inner.json},"pad":"`
  const fill = Math.max(0, bytes - Buffer.byteLength(head) - 2)
  return { json: `${head}${'x'.repeat(fill)}"}`, depth: Math.max(1, inner.depth + 1) }
}

const randomState = (prng: Prng): Generated => {
  const roll = prng.next()
  if (roll < 0.35) return shallowValue(prng, 5)
  if (roll < 0.55) return wrapped(prng, shallowValue(prng, 3), prng.int(40))
  if (roll < 0.62) return wrapped(prng, shallowValue(prng, 2), 20_000 - prng.int(100))
  if (roll < 0.9) return padded(prng, LIMIT - 200 + prng.int(400))
  return padded(prng, prng.chance(0.1) ? 2 * 1024 * 1024 : LIMIT * (2 + prng.int(8)))
}

/** Depth of a parsed value, measured without recursion. */
const depthOf = (value: unknown): number => {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number]
    if (typeof item !== 'object' || item === null) continue
    deepest = Math.max(deepest, depth + 1)
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

/** Truncated, with bytes inserted or overwritten, or with trailing bytes. */
const mutate = (prng: Prng, bytes: Uint8Array): Uint8Array => {
  const at = prng.int(bytes.length)
  const noise = Uint8Array.from({ length: 1 + prng.int(4) }, () => prng.int(256))
  switch (prng.int(4)) {
    case 0:
      return bytes.subarray(0, at)
    case 1: {
      const out = new Uint8Array(bytes.length + noise.length)
      out.set(bytes.subarray(0, at))
      out.set(noise, at)
      out.set(bytes.subarray(at), at + noise.length)
      return out
    }
    case 2: {
      const out = bytes.slice()
      for (const byte of noise) out[prng.int(out.length)] = byte
      return out
    }
    default: {
      const out = new Uint8Array(bytes.length + noise.length)
      out.set(bytes)
      out.set(noise, bytes.length)
      return out
    }
  }
}

/** What the decoder may return for anything: refused, or entries all within the limits. */
const expectWithinLimits = (update: Uint8Array): ReturnType<typeof decodePresenceUpdate> => {
  const decoded = decodePresenceUpdate(update, LIMIT)
  if (decoded.ok)
    for (const entry of decoded.value) {
      expect(Buffer.byteLength(entry.json)).toBeLessThanOrEqual(LIMIT)
      expect(depthOf(entry.state)).toBeLessThanOrEqual(MAX_PRESENCE_DEPTH)
    }
  return decoded
}

describe(`presence frames (seed ${SEED})`, () => {
  it(
    'never throws, accepts exactly the updates within the limits and nothing deeper or larger',
    () => {
      console.log(`presence fuzz: seed=${SEED} frames=${FRAMES} (replay with CHORUS_FUZZ_SEED=${SEED})`)
      const prng = createPrng(SEED)
      let accepted = 0
      let refused = 0
      for (let i = 0; i < FRAMES; i++) {
        const states = Array.from({ length: 1 + prng.int(3) }, () => randomState(prng))
        const entries: RawPresence[] = states.map((state) => [prng.int(2 ** 31), prng.int(1000), state.json])
        const update = presenceUpdate(entries)
        const within = states.every(
          (state) => Buffer.byteLength(state.json) <= LIMIT && state.depth <= MAX_PRESENCE_DEPTH,
        )
        const decoded = expectWithinLimits(update)
        expect(decoded.ok, `frame ${i}, seed ${SEED}`).toBe(within)
        if (decoded.ok) {
          accepted++
          expect(decoded.value.map((entry) => depthOf(entry.state))).toEqual(
            states.map((state) => state.depth),
          )
        } else {
          refused++
          if (
            states.some((state) => state.depth > MAX_PRESENCE_DEPTH || Buffer.byteLength(state.json) > LIMIT)
          )
            expect(decoded.error.kind).not.toBe('malformed')
        }
        for (let m = 0; m < 3; m++) expectWithinLimits(mutate(prng, update))
      }
      // Both outcomes are exercised, whatever the seed.
      expect(accepted).toBeGreaterThan(FRAMES / 10)
      expect(refused).toBeGreaterThan(FRAMES / 10)
    },
    Math.max(60_000, FRAMES * 30),
  )

  it('survives the nastiest frames on a real relay and keeps serving a well-behaved client', async () => {
    const relay = await startRelay()
    const room = 'presenceFuzzRoom'
    const author = connectClient(relay.url, room, await tokenFor(room, 'author'))
    await author.synced()
    author.provider.awareness.setLocalStateField('user', { name: 'me', colour: '#0a0' })
    author.text.insert(0, 'kept')

    const prng = createPrng(SEED)
    const deep = deepState(20_000)
    const nasty: [string, Uint8Array][] = [
      ['20,000 levels of objects', presenceUpdate([[7001, 1, deep]])],
      ['20,000 levels of arrays', presenceUpdate([[7002, 1, `${'['.repeat(20_000)}${']'.repeat(20_000)}`]])],
      [
        'a good entry, then a deep one',
        presenceUpdate([
          [7003, 1, '{"ok":1}'],
          [7004, 1, deep],
        ]),
      ],
      [
        'deep after an escaped backslash',
        presenceUpdate([[7005, 1, `{"a":"\\\\","b":${'['.repeat(5000)}1${']'.repeat(5000)}}`]]),
      ],
      ['a 2 MiB string', presenceUpdate([[7006, 1, padded(prng, 2 * 1024 * 1024).json]])],
      ['17 KiB', presenceUpdate([[7007, 1, padded(prng, 17 * 1024).json]])],
      ['a truncated deep state', presenceUpdate([[7008, 1, deep]]).subarray(0, 30_000)],
      ['a count of 2^32 entries', Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x10, 1, 1, 2, 0x7b, 0x7d])],
      ['mutated deep bytes', mutate(prng, presenceUpdate([[7009, 1, deep]]))],
    ]
    for (const [what, update] of nasty) {
      const socket = openRaw(relay.url, room, await tokenFor(room, 'viewer', { user: `viewer-${what}` }))
      await socket.opened
      socket.ws.send(awarenessMessage(update))
      const ended = await socket.ended
      expect([CloseCode.PresenceTooLarge, CloseCode.MalformedMessage], what).toContain(ended.code)
    }

    // A state right at the limits is stored, and a newcomer gets it without the relay re-serialising anything.
    const edge = openRaw(relay.url, room, await tokenFor(room, 'viewer', { user: 'viewer-edge' }))
    await edge.opened
    edge.ws.send(awarenessMessage(presenceUpdate([[7010, 1, deepState(MAX_PRESENCE_DEPTH)]])))
    await waitFor(() => author.provider.awareness.getStates().has(7010), 5000, 'the state at the limit')

    const newcomer = connectClient(relay.url, room, await tokenFor(room, 'viewer', { user: 'newcomer' }))
    await newcomer.synced()
    await waitFor(() => newcomer.text.toString() === 'kept', 5000, 'the newcomer to sync')
    await waitFor(
      () =>
        (newcomer.provider.awareness.getStates().get(author.doc.clientID)?.user as { name?: string })
          ?.name === 'author tester',
      5000,
      "the author's presence, named by the token",
    )
    expect(
      [...newcomer.provider.awareness.getStates().keys()].filter((id) => id >= 7001 && id <= 7009),
    ).toEqual([])
    expect(await health(relay.url)).toMatchObject({ status: 'ok' })
    expect(relay.logs.some((line) => line.event === 'internal-error')).toBe(false)
    author.text.insert(4, '!')
    await waitFor(() => newcomer.text.toString() === 'kept!', 5000, 'an edit after the attacks')
  })
})
