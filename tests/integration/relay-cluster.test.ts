/**
 * Several relay processes on one PostgreSQL and one Redis, all real (real-servers.ts), with stock y-websocket
 * clients: they converge across instances, and survive an instance SIGKILLed, Redis restarted and PostgreSQL
 * stopped without losing anything a client saw acknowledged.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { startNginx } from './nginx-server'
import { startPostgres, startRedis, type RealServer } from './real-servers'
import {
  connectClient,
  destroyClients,
  health,
  killRelays,
  startRelay,
  tokenFor,
  waitFor,
  type Client,
  type RelayProcess,
} from './relay-harness'

let postgres: RealServer
let redis: RealServer

beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
}, 60_000)

afterAll(async () => {
  await Promise.all([postgres?.dispose(), redis?.dispose()])
})

afterEach(async () => {
  destroyClients()
  await killRelays()
})

const startInstance = (options: { redis?: boolean; args?: readonly string[] } = {}): Promise<RelayProcess> =>
  startRelay({
    args: [
      '--postgres',
      postgres.url,
      ...(options.redis === false ? [] : ['--redis', redis.url]),
      '--store-retry-ms',
      '200',
      ...(options.args ?? []),
    ],
  })

const join = async (relay: { readonly url: string }, room: string, user: string): Promise<Client> => {
  const client = connectClient(relay.url, room, await tokenFor(room, 'author', { user, name: user }))
  await client.synced()
  return client
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

describe('relay cluster on PostgreSQL + Redis', () => {
  it('serves one room from two instances: edits and presence cross, both converge, /healthz says postgres', async () => {
    const [one, two] = await Promise.all([startInstance(), startInstance()])
    expect(await health(one.url)).toMatchObject({ store: 'postgres', status: 'ok' })
    const room = 'clusterConverge'
    const [a, b] = await Promise.all([join(one, room, 'ann'), join(two, room, 'ben')])
    a.text.insert(0, 'from one. ')
    await waitFor(() => b.text.toString() === 'from one. ', 5000, 'one → two')
    b.text.insert(b.text.length, 'from two. ')
    await waitFor(() => a.text.toString() === 'from one. from two. ', 5000, 'two → one')

    // Typing at once on both sides, then the same document everywhere.
    for (let i = 0; i < 40; i++) {
      a.text.insert(a.text.length, `a${i} `)
      b.text.insert(0, `b${i} `)
      if (i % 10 === 0) await sleep(5)
    }
    await waitFor(() => a.text.toString() === b.text.toString() && a.text.length > 300, 10_000, 'converged')

    b.provider.awareness.setLocalState({ user: { name: 'forged' }, cursor: { at: 3 } })
    await waitFor(
      () => [...a.provider.awareness.getStates().values()].some((state) => state.cursor?.at === 3),
      5000,
      'presence from the other instance',
    )
    const seen = [...a.provider.awareness.getStates().values()].find((state) => state.cursor?.at === 3)
    // Identity is the relay's: the name the token carries, set by the instance the peer is on.
    expect(seen?.user).toMatchObject({ id: 'ben', name: 'ben' })
  })

  it('loses nothing a client saw relayed when an instance is SIGKILLed mid-edit; behind nginx its clients carry on through the other', async () => {
    const [one, two] = await Promise.all([startInstance(), startInstance()])
    const proxy = await startNginx([one.port, two.port])
    try {
      const room = 'clusterKill'
      // Ann through the documented nginx config, which picks an instance by the course's path; Ben straight to
      // the other instance, as a client whose proxy picked differently.
      const a = await join(proxy, room, 'ann')
      const servesAnn = (relay: RelayProcess): boolean =>
        relay.logs.some((line) => line.event === 'connection-opened' && line.user === 'ann')
      const [victim, survivor] = servesAnn(one) ? [one, two] : [two, one]
      const b = await join(survivor, room, 'ben')
      let typing = true
      const typed = (async () => {
        for (let i = 0; typing; i++) {
          a.text.insert(a.text.length, `${i} `)
          await sleep(3)
        }
      })()
      await waitFor(() => b.text.length > 200, 10_000, 'typing reaches the other instance')
      await victim.kill()
      typing = false
      await typed
      // Everything the client on the surviving instance saw relayed was stored: a newcomer there gets all of it.
      const seen = b.text.toString()
      const newcomer = await join(survivor, room, 'cat')
      expect(newcomer.text.toString().startsWith(seen)).toBe(true)
      // The victim's client reconnects through nginx, to the survivor, and sends what was not stored.
      await waitFor(() => a.text.toString() === b.text.toString(), 15_000, 'both clients converge')
      await waitFor(() => newcomer.text.toString() === a.text.toString(), 10_000, 'newcomer converges')
      expect((await health(survivor.url)).connections).toBe(3)
    } finally {
      await proxy.stop()
    }
  })

  it('keeps delivering across a Redis restart: no loss, and updates cross within 5 s of Redis coming back', async () => {
    const [one, two] = await Promise.all([startInstance(), startInstance()])
    const room = 'clusterRedis'
    const [a, b] = await Promise.all([join(one, room, 'ann'), join(two, room, 'ben')])
    a.text.insert(0, 'before. ')
    await waitFor(() => b.text.toString() === 'before. ', 5000, 'before the restart')

    await redis.stop()
    a.text.insert(a.text.length, 'while Redis is down. ')
    // The instances catch up from PostgreSQL meanwhile.
    await waitFor(() => b.text.toString() === 'before. while Redis is down. ', 10_000, 'during the outage')
    await redis.start()
    const restartedAt = Date.now()
    await Promise.all(
      [one, two].map((relay) => relay.waitForLog((line) => line.event === 'fanout-resumed', 10_000)),
    )
    // Each instance catches its rooms up once Redis is back; let that finish before the edit that must come through Redis.
    await sleep(500)
    const catchUps = (): number => two.logs.filter((line) => line.event === 'room-caught-up').length
    const caughtUpBefore = catchUps()
    a.text.insert(a.text.length, 'after.')
    await waitFor(
      () => b.text.toString() === 'before. while Redis is down. after.',
      5000,
      'after the restart',
    )
    expect(Date.now() - restartedAt).toBeLessThan(5000)
    // Through Redis again, not by catching up from PostgreSQL.
    expect(catchUps()).toBe(caughtUpBefore)
  })

  it('catches up and keeps delivering when Redis drops the subscriptions', async () => {
    const [one, two] = await Promise.all([startInstance(), startInstance()])
    const room = 'clusterDropped'
    const [a, b] = await Promise.all([join(one, room, 'ann'), join(two, room, 'ben')])
    a.text.insert(0, 'before. ')
    await waitFor(() => b.text.toString() === 'before. ', 5000, 'before the drop')
    const resumedBefore = two.logs.filter((line) => line.event === 'fanout-resumed').length
    const admin = new Redis(redis.url)
    try {
      await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub')
    } finally {
      admin.disconnect()
    }
    a.text.insert(a.text.length, 'right after the drop. ')
    await waitFor(
      () => b.text.toString() === 'before. right after the drop. ',
      5000,
      'the update published while the subscription was away',
    )
    await waitFor(
      () => two.logs.filter((line) => line.event === 'fanout-resumed').length > resumedBefore,
      5000,
      'the instance subscribed again',
    )
    await sleep(500)
    const catchUps = (): number => two.logs.filter((line) => line.event === 'room-caught-up').length
    const caughtUpBefore = catchUps()
    a.text.insert(a.text.length, 'later.')
    await waitFor(() => b.text.toString() === 'before. right after the drop. later.', 5000, 'after')
    // Through Redis again, not by catching up from PostgreSQL.
    expect(catchUps()).toBe(caughtUpBefore)
  })

  it('stops relaying and acknowledging while PostgreSQL is down, loses nothing, and resumes when it is back', async () => {
    const [one, two] = await Promise.all([startInstance(), startInstance()])
    const room = 'clusterPostgres'
    const [a, a2, b] = await Promise.all([
      join(one, room, 'ann'),
      join(one, room, 'amy'),
      join(two, room, 'ben'),
    ])
    a.text.insert(0, 'stored. ')
    await waitFor(() => b.text.toString() === 'stored. ' && a2.text.toString() === 'stored. ', 5000, 'first')

    await postgres.stop()
    try {
      a.text.insert(a.text.length, 'typed while PostgreSQL is down. ')
      await one.waitForLog((line) => line.event === 'store-failed' && line.room === room, 10_000)
      await sleep(1000)
      // Not relayed, not even to a client of the same instance.
      expect(a2.text.toString()).toBe('stored. ')
      expect(b.text.toString()).toBe('stored. ')
    } finally {
      await postgres.start()
    }
    const expected = 'stored. typed while PostgreSQL is down. '
    await waitFor(() => a2.text.toString() === expected, 10_000, 'same instance after the outage')
    await waitFor(() => b.text.toString() === expected, 10_000, 'other instance after the outage')
  })

  it('serves a room’s full history from an instance started later, also after compactions by two instances at once', async () => {
    const flags = { args: ['--compact-every', '5'] }
    const [one, two] = await Promise.all([startInstance(flags), startInstance(flags)])
    const room = 'clusterHistory'
    const [a, b] = await Promise.all([join(one, room, 'ann'), join(two, room, 'ben')])
    for (let i = 0; i < 60; i++) {
      a.text.insert(a.text.length, `a${i} `)
      b.text.insert(0, `b${i} `)
      await sleep(4)
    }
    await waitFor(() => a.text.toString() === b.text.toString(), 10_000, 'converged')
    const expected = a.text.toString()
    const three = await startInstance({ redis: false })
    const late = await join(three, room, 'cat')
    expect(late.text.toString()).toBe(expected)
  })
})
