import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { MessageType } from '../../shared/protocol/messages'
import {
  connectClient,
  destroyClients,
  health,
  killRelays,
  openRaw,
  RELAY_VERSION,
  startRelay,
  tokenFor,
  waitFor,
  type Client,
} from './relay-harness'

const ROOM = 'syncCourse01'

afterEach(async () => {
  destroyClients()
  await killRelays()
})

/** Every update `seen` holds is also in `doc`. */
const includes = (doc: Y.Doc, seen: Y.Doc): boolean => {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(seen))) {
    if ((have.get(client) ?? 0) < clock) return false
  }
  return true
}

const author = (): Promise<string> => tokenFor(ROOM, 'author')

describe('relay sync', () => {
  it('syncs two stock y-websocket clients both ways and reports itself on /healthz', async () => {
    const relay = await startRelay()
    const [a, b] = [
      connectClient(relay.url, ROOM, await author()),
      connectClient(relay.url, ROOM, await author()),
    ]
    await Promise.all([a.synced(), b.synced()])
    a.text.insert(0, 'Hello from A. ')
    await waitFor(() => b.text.toString() === 'Hello from A. ', 5000, 'B to see A')
    b.text.insert(b.text.length, 'And B.')
    await waitFor(() => a.text.toString() === 'Hello from A. And B.', 5000, 'A to see B')
    expect(await health(relay.url)).toMatchObject({
      status: 'ok',
      version: RELAY_VERSION,
      store: 'sqlite',
      rooms: 1,
      connections: 2,
      protocol: 1,
      uptime: expect.any(Number),
    })
  })

  it('gives each newcomer the document as it is now, also after edits between joins', async () => {
    const relay = await startRelay()
    const a = connectClient(relay.url, ROOM, await author())
    await a.synced()
    a.text.insert(0, 'first')
    const b = connectClient(relay.url, ROOM, await author())
    await waitFor(() => b.text.toString() === 'first', 5000, 'B to join with the first edit')
    a.text.insert(5, ' second')
    await waitFor(() => b.text.toString() === 'first second', 5000, 'B to see the second edit')
    // Both newcomers start empty, so the relay answers them from its full-state encoding: it must be current.
    const c = connectClient(relay.url, ROOM, await author())
    await waitFor(() => c.text.toString() === 'first second', 5000, 'C to join with both edits')
  })

  it('keeps documents across a clean restart', async () => {
    const first = await startRelay()
    const a = connectClient(first.url, ROOM, await author())
    await a.synced()
    a.text.insert(0, 'persisted text')
    const b = connectClient(first.url, ROOM, await author())
    await waitFor(() => b.text.toString() === 'persisted text', 5000, 'relay to relay it')
    destroyClients()
    expect(await first.stop()).toBe(0)

    const second = await startRelay({ dataDir: first.dataDir })
    const late = connectClient(second.url, ROOM, await author())
    await late.synced()
    expect(late.text.toString()).toBe('persisted text')
  })

  it('loses nothing it relayed when SIGKILLed mid-editing; clients reconnect and a newcomer sees everything', async () => {
    const first = await startRelay()
    const [a, b] = [
      connectClient(first.url, ROOM, await author()),
      connectClient(first.url, ROOM, await author()),
    ]
    await Promise.all([a.synced(), b.synced()])
    // A types steadily; the kill lands between keystrokes at an arbitrary moment.
    let typed = 0
    const typing = setInterval(() => a.text.insert(a.text.length, `${typed++ % 10}`), 2)
    await waitFor(() => b.text.length >= 150, 10_000, 'typing to be relayed')
    await first.kill()
    clearInterval(typing)
    const seenByB = Y.encodeStateAsUpdate(b.doc)
    const seenText = b.text.toString()
    expect(seenText.length).toBeGreaterThanOrEqual(150)

    const second = await startRelay({ dataDir: first.dataDir, port: first.port })
    const c: Client = connectClient(second.url, ROOM, await author())
    await c.synced()
    // Nothing B saw relayed may be missing after the restart, before A or B have resent anything.
    const seen = new Y.Doc()
    Y.applyUpdate(seen, seenByB)
    const afterRestart = new Y.Doc()
    Y.applyUpdate(afterRestart, Y.encodeStateAsUpdate(c.doc))
    expect(includes(afterRestart, seen)).toBe(true)
    expect(c.text.toString().startsWith(seenText)).toBe(true)

    // A and B reconnect on their own and everyone converges on A's full text.
    await waitFor(() => a.provider.synced && b.provider.synced, 10_000, 'A and B to reconnect')
    await waitFor(
      () => c.text.toString() === a.text.toString() && b.text.toString() === a.text.toString(),
      10_000,
      'convergence',
    )
    expect(a.text.length).toBe(typed)
  })

  it('relays each presence change once, although stock clients re-send every change they hear', async () => {
    const relay = await startRelay()
    const clients = [0, 1, 2].map(async () => connectClient(relay.url, ROOM, await author()))
    const [a, b, c] = await Promise.all(clients)
    await Promise.all([a, b, c].map((client) => client?.synced()))
    // A stock client's first presence has clock 0, which awareness ignores; a name is what apps announce anyway.
    for (const [i, client] of [a, b, c].entries())
      client?.provider.awareness.setLocalStateField('user', { name: `user ${i}` })
    const observer = openRaw(relay.url, ROOM, await author())
    await observer.opened
    await waitFor(() => (b?.provider.awareness.getStates().size ?? 0) === 3, 5000, 'presence of all three')
    await new Promise((done) => setTimeout(done, 300))
    observer.received.length = 0
    // Not the name: the relay sets that from the token.
    a?.provider.awareness.setLocalStateField('lessonId', 'lesson-of-a')
    await waitFor(
      () =>
        [...(c?.provider.awareness.getStates().values() ?? [])].some(
          (state) => state.lessonId === 'lesson-of-a',
        ),
      5000,
      'the change to arrive',
    )
    await new Promise((done) => setTimeout(done, 300))
    expect(observer.received.filter((frame) => frame[0] === MessageType.Awareness)).toHaveLength(1)
  })
})
