/**
 * Presence the relay checks, against the real relay process: states too big or too deep end their connection
 * (4413) before anything touches them, a client id belongs to the user who first announced it, a connection
 * announces only a few, and the names others see come from tokens.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mintToken } from '../../relay-server/src/auth'
import { CloseCode } from '../../shared/protocol/close-codes'
import { MessageType } from '../../shared/protocol/messages'
import type { Role } from '../../shared/protocol/token'
import { awarenessFrame, deepState } from './presence-support'
import {
  SECRET,
  connectClient,
  destroyClients,
  health,
  killRelays,
  openRaw,
  startRelay,
  waitFor,
  type Client,
  type RawSocket,
  type RelayProcess,
} from './relay-harness'

const COURSE = 'presenceCourse'
let relay: RelayProcess
let course = 0
/** A fresh room per test, so presence left by one test never meets another. */
let room = COURSE

beforeAll(async () => {
  relay = await startRelay()
})
afterEach(() => {
  destroyClients()
  room = `${COURSE}${++course}`
})
afterAll(() => killRelays())

const token = (role: Role, user: string, name: string): Promise<string> =>
  mintToken(SECRET, { user, name, course: room, role, ttlSeconds: 3600 })

const raw = async (role: Role, user: string, name = user): Promise<RawSocket> => {
  const socket = openRaw(relay.url, room, await token(role, user, name))
  await socket.opened
  return socket
}

const stock = async (role: Role, user: string, name = user): Promise<Client> => {
  const client = connectClient(relay.url, room, await token(role, user, name))
  await client.synced()
  return client
}

/** The states a stock client holds of others, by client id. */
const othersOf = (client: Client): Map<number, Record<string, unknown>> =>
  new Map([...client.provider.awareness.getStates()].filter(([id]) => id !== client.doc.clientID))

const awarenessFramesOf = (socket: RawSocket): Uint8Array[] =>
  socket.received.filter((frame) => frame[0] === MessageType.Awareness)

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

/** Sends a state for the socket's own id after whatever it sent, and waits until `observer` has it: all before it was handled. */
const handled = async (socket: RawSocket, observer: Client, ownId: number, clock: number): Promise<void> => {
  socket.ws.send(awarenessFrame([ownId, clock, `{"marker":${clock}}`]))
  await waitFor(() => othersOf(observer).get(ownId)?.marker === clock, 5000, 'the marker state')
}

describe('relay presence', () => {
  it('closes a 20,000-deep state with 4413 and keeps serving: the next newcomer joins and syncs', async () => {
    const author = await stock('author', 'u-author')
    author.text.insert(0, 'before the attack')
    const viewer = await raw('viewer', 'u-viewer')
    viewer.ws.send(awarenessFrame([991, 1, deepState(20_000)]))
    expect(await viewer.ended).toMatchObject({ code: CloseCode.PresenceTooLarge })

    const newcomer = await stock('viewer', 'u-newcomer')
    await waitFor(() => newcomer.text.toString() === 'before the attack', 5000, 'the newcomer to sync')
    await pause(200)
    expect(await health(relay.url)).toMatchObject({ status: 'ok' })
    expect(relay.logs.some((line) => line.event === 'internal-error')).toBe(false)
    expect(othersOf(newcomer).has(991)).toBe(false)
  })

  it('allows 32 levels and refuses 33', async () => {
    const observer = await stock('author', 'u-observer')
    const ok = await raw('viewer', 'u-viewer')
    ok.ws.send(awarenessFrame([992, 1, deepState(32)]))
    await waitFor(() => othersOf(observer).has(992), 5000, 'the 32-level state')
    const deeper = await raw('viewer', 'u-viewer2')
    deeper.ws.send(awarenessFrame([993, 1, deepState(33)]))
    expect(await deeper.ended).toMatchObject({ code: CloseCode.PresenceTooLarge })
  })

  it.each([
    ['2 MiB', 2 * 1024 * 1024],
    ['17 KiB', 17 * 1024],
  ])('closes a %s state with 4413; the room receives nothing of it', async (_, bytes) => {
    const observer = await raw('author', 'u-observer')
    const stockObserver = await stock('author', 'u-observer')
    await pause(200)
    observer.received.length = 0
    const viewer = await raw('viewer', 'u-viewer')
    const json = JSON.stringify({ user: { name: 'big' }, pad: 'x'.repeat(bytes) })
    // Its own small state first, in the same frame: nothing of a refused update is applied.
    viewer.ws.send(awarenessFrame([994, 1, '{"small":true}'], [995, 1, json]))
    expect(await viewer.ended).toMatchObject({ code: CloseCode.PresenceTooLarge })
    await pause(300)
    expect(awarenessFramesOf(observer)).toEqual([])
    expect(othersOf(stockObserver).size).toBe(0)
  })

  it('honours --max-presence-bytes', async () => {
    const strict = await startRelay({ args: ['--max-presence-bytes', '1024'] })
    const socket = openRaw(strict.url, room, await token('author', 'u-author', 'Ada'))
    await socket.opened
    socket.ws.send(awarenessFrame([997, 1, JSON.stringify({ pad: 'x'.repeat(1100) })]))
    expect(await socket.ended).toMatchObject({ code: CloseCode.PresenceTooLarge })
    await strict.stop()
  })

  it("shows the token's name whatever the client sends, in user and in member", async () => {
    const author = await stock('author', 'u-author', 'Ada')
    const rita = await stock('viewer', 'u-rita', 'Rita')
    rita.provider.awareness.setLocalState({
      user: { name: 'CEO', colour: '#123456' },
      member: { id: 'u-ceo', name: 'CEO' },
    })
    await waitFor(() => othersOf(author).has(rita.doc.clientID), 5000, "Rita's presence")
    expect(othersOf(author).get(rita.doc.clientID)).toEqual({
      user: { name: 'Rita', colour: '#123456', id: 'u-rita' },
      member: { id: 'u-rita', name: 'Rita' },
    })
  })

  it("drops updates for another user's client id, changes and removals alike", async () => {
    const victim = await stock('author', 'u-victim', 'Victor')
    const observer = await stock('author', 'u-observer')
    victim.provider.awareness.setLocalStateField('lessonId', 'lesson-1')
    await waitFor(() => othersOf(observer).get(victim.doc.clientID)?.lessonId === 'lesson-1', 5000, 'victim')
    const before = othersOf(observer).get(victim.doc.clientID)
    const clock = 1000
    const attacker = await raw('viewer', 'u-attacker')
    attacker.ws.send(
      awarenessFrame([victim.doc.clientID, clock, '{"user":{"name":"pwned","colour":"#000"}}']),
    )
    attacker.ws.send(awarenessFrame([victim.doc.clientID, clock + 1, 'null']))
    await handled(attacker, observer, 996, 1)
    expect(othersOf(observer).get(victim.doc.clientID)).toEqual(before)
    expect(othersOf(victim).get(996)).toEqual({ marker: 1 })
    await relay.waitForLog(
      (line) => line.event === 'presence-dropped' && line.reason === 'another-users-client-id',
    )
  })

  it('drops client ids beyond the few one connection may announce', async () => {
    const observer = await stock('author', 'u-observer')
    const greedy = await raw('viewer', 'u-greedy')
    const ids = [2001, 2002, 2003, 2004, 2005, 2006]
    greedy.ws.send(awarenessFrame(...ids.map((id) => [id, 1, `{"id":${id}}`] as const)))
    await waitFor(() => othersOf(observer).size === 4, 5000, 'four states')
    greedy.ws.send(awarenessFrame([2007, 1, '{"id":2007}']))
    await handled(greedy, observer, 2001, 2)
    expect([...othersOf(observer).keys()].sort()).toEqual([2001, 2002, 2003, 2004])
    await relay.waitForLog(
      (line) => line.event === 'presence-dropped' && line.reason === 'too-many-client-ids',
    )
  })

  it('keeps a client id for its user across reconnects, and for nobody else', async () => {
    const observer = await stock('author', 'u-observer')
    const first = await raw('viewer', 'u-owner')
    first.ws.send(awarenessFrame([3001, 1, '{"who":"owner"}']))
    await waitFor(() => othersOf(observer).get(3001)?.who === 'owner', 5000, "the owner's state")
    first.ws.close()
    await waitFor(() => !othersOf(observer).has(3001), 5000, 'the removal when the owner left')

    const other = await raw('viewer', 'u-other')
    other.ws.send(awarenessFrame([3001, 5, '{"who":"other"}']))
    await handled(other, observer, 3002, 1)
    expect(othersOf(observer).has(3001)).toBe(false)

    const again = await raw('viewer', 'u-owner')
    again.ws.send(awarenessFrame([3001, 2, '{"who":"owner again"}']))
    await waitFor(() => othersOf(observer).get(3001)?.who === 'owner again', 5000, 'the reconnected owner')
  })

  it('shows presence between stock clients with token names, and removes it when one leaves', async () => {
    const ada = await stock('author', 'u-ada', 'Ada')
    const bo = await stock('reviewer', 'u-bo', 'Bo')
    ada.provider.awareness.setLocalStateField('user', { name: 'me', colour: '#a00' })
    bo.provider.awareness.setLocalStateField('user', { name: 'me', colour: '#0b0' })
    const nameSeen = (by: Client, id: number): unknown =>
      (othersOf(by).get(id)?.user as { name?: string })?.name
    await waitFor(() => nameSeen(ada, bo.doc.clientID) === 'Bo', 5000, 'Bo seen by Ada')
    await waitFor(() => nameSeen(bo, ada.doc.clientID) === 'Ada', 5000, 'Ada seen by Bo')
    // A connection cut without a goodbye: the relay announces the removal.
    const gone = await raw('viewer', 'u-gone')
    gone.ws.send(awarenessFrame([4001, 1, '{"user":{"name":"x"}}']))
    await waitFor(() => nameSeen(ada, 4001) === 'u-gone', 5000, 'the raw client seen')
    gone.ws.terminate()
    await waitFor(() => !othersOf(ada).has(4001), 3000, 'the removal of the cut connection')
    bo.destroy()
    await waitFor(() => othersOf(ada).size === 0, 3000, "Bo's removal")
  })
})
