/**
 * The app's count of changes the relay does not hold yet, against the real relay: it rises while disconnected,
 * falls to zero once the relay has them, counts what a document held before it was opened (edits made before a
 * reload), and stays up when the relay drops the changes (a viewer's).
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Role } from '../../shared/protocol/token'
import { trackUnacknowledged, type UnackedTracker } from '../../renderer/src/sync/unacked-tracker'
import { connectClient, destroyClients, killRelays, startRelay, tokenFor, waitFor } from './relay-harness'

const ROOM = 'unackedCourse1'
const cleanups: (() => void)[] = []

afterEach(async () => {
  cleanups.splice(0).forEach((cleanup) => cleanup())
  destroyClients()
  await killRelays()
})

/** A provider configured like the app's, with the app's tracker on it. */
const track = async (url: string, doc: Y.Doc, role: Role, connect = true) => {
  const provider = new WebsocketProvider(url, ROOM, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: await tokenFor(ROOM, role) },
    disableBc: true,
    maxBackoffTime: 300,
    connect,
  })
  const tracker: UnackedTracker = trackUnacknowledged(provider, doc)
  cleanups.push(() => (tracker.destroy(), provider.destroy()))
  return { provider, tracker }
}

describe('unacknowledged change count', () => {
  it('rises while disconnected and returns to zero once the relay holds every change', async () => {
    const relay = await startRelay()
    const doc = new Y.Doc()
    const { provider, tracker } = await track(relay.url, doc, 'author')
    await waitFor(() => provider.synced, 5000, 'first sync')
    provider.disconnect()
    const text = doc.getText('body')
    text.insert(0, 'one ')
    text.insert(4, 'two ')
    text.delete(0, 2)
    expect(tracker.count()).toBe(3)
    provider.connect()
    await waitFor(() => tracker.count() === 0, 5000, 'the relay to acknowledge')
    // Connected: typing is acknowledged after it settles.
    text.insert(0, 'three ')
    expect(tracker.count()).toBe(1)
    await waitFor(() => tracker.count() === 0, 5000, 'the relay to acknowledge again')
    const other = connectClient(relay.url, ROOM, await tokenFor(ROOM, 'author'))
    await waitFor(() => other.text.toString() === text.toString(), 5000, 'the relay to hold the text')
  })

  it('counts edits made before the document was opened that the relay lacks, until it has them', async () => {
    const relay = await startRelay()
    const before = new Y.Doc()
    before.getText('body').insert(0, 'written before the reload')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(before))
    const counts: number[] = []
    const { provider, tracker } = await track(relay.url, doc, 'author', false)
    tracker.subscribe((count) => counts.push(count))
    // Nothing is known about the relay yet, so nothing is claimed either way.
    expect(tracker.count()).toBe(0)
    provider.connect()
    await waitFor(() => counts.at(-1) === 0, 5000, 'the relay to acknowledge the backlog')
    expect(counts).toEqual([1, 0])
    const other = connectClient(relay.url, ROOM, await tokenFor(ROOM, 'author'))
    await waitFor(() => other.text.toString() === 'written before the reload', 5000, 'the relay to hold it')
  })

  it('keeps counting what the relay drops: a viewer’s edits never reach it', async () => {
    const relay = await startRelay()
    const doc = new Y.Doc()
    doc.getText('body').insert(0, 'a viewer’s local edit')
    const { provider, tracker } = await track(relay.url, doc, 'viewer')
    await waitFor(() => provider.synced, 5000, 'sync')
    await waitFor(() => tracker.count() === 1, 5000, 'the backlog to be counted')
    await new Promise((done) => setTimeout(done, 1000))
    expect(tracker.count()).toBe(1)
  })
})
