/** The Redis fan-out between relay instances, on a real Redis (real-servers.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelOf, openFanout, type Fanout, type FanoutHooks } from '../../relay-server/src/cluster/fanout'
import type { FanoutMessage } from '../../relay-server/src/cluster/fanout-entry'
import { startRedis, type RealServer } from './real-servers'
import { waitFor } from './relay-harness'
import { Redis } from 'ioredis'

let redis: RealServer
beforeAll(async () => {
  redis = await startRedis()
}, 30_000)
afterAll(() => redis?.dispose())

const listen = () => {
  const received: [string, FanoutMessage][] = []
  const errors: string[] = []
  let resumed = 0
  const hooks: FanoutHooks = {
    onMessage: (room, message) => received.push([room, message]),
    onResumed: () => resumed++,
    onError: (message) => errors.push(message),
  }
  return { hooks, received, errors, resumed: () => resumed }
}

describe('fan-out through Redis channels', () => {
  it('delivers updates and presence to the instances watching the room, never back to the sender, and skips foreign messages', async () => {
    const [a, b] = [listen(), listen()]
    const one: Fanout = await openFanout(redis.url, a.hooks)
    const two: Fanout = await openFanout(redis.url, b.hooks)
    // A watch resolves once Redis has the subscription: what is published from then on arrives.
    await Promise.all([one.watch('room1'), two.watch('room1')])
    // Something that is not ours publishes on the channel; it is reported and skipped.
    const stranger = new Redis(redis.url)
    await stranger.publish(channelOf('room1'), 'hello world')
    await stranger.publish(channelOf('room1'), '')
    stranger.disconnect()
    one.publish('room1', { kind: 'update', seq: 7, update: new Uint8Array([1, 2, 3]) })
    one.publish('room1', {
      kind: 'presence',
      entries: [{ clientId: 42, clock: 3, json: '{"user":{"name":"Rita"}}', owner: 'rita' }],
    })
    one.publish('room2', { kind: 'update', seq: 1, update: new Uint8Array([9]) })
    await waitFor(() => b.received.length === 2, 5000, 'both messages')
    expect(b.received).toEqual([
      ['room1', { kind: 'update', seq: 7, update: new Uint8Array([1, 2, 3]) }],
      [
        'room1',
        {
          kind: 'presence',
          entries: [{ clientId: 42, clock: 3, json: '{"user":{"name":"Rita"}}', owner: 'rita' }],
        },
      ],
    ])
    expect(a.received).toEqual([])
    expect(b.errors.filter((error) => error.includes('unreadable message'))).toHaveLength(2)
    await Promise.all([one.close(), two.close()])
  })

  it('reports a Redis restart as resumed, delivers again afterwards, and stops at unwatch', async () => {
    const [a, b] = [listen(), listen()]
    const one = await openFanout(redis.url, a.hooks)
    const two = await openFanout(redis.url, b.hooks)
    await two.watch('room3')
    await redis.stop()
    one.publish('room3', { kind: 'update', seq: 1, update: new Uint8Array([1]) })
    await waitFor(() => b.errors.length > 0, 5000, 'the outage reported')
    await redis.start()
    await waitFor(() => b.resumed() > 0, 10_000, 'resumed')
    // The subscription holds once resumed is reported; the publisher reconnects on its own schedule (a relay's
    // publish meanwhile fails and the others catch up from PostgreSQL), so this one publishes until it gets through.
    const received = () => b.received.some(([, message]) => message.kind === 'update' && message.seq === 2)
    const deadline = Date.now() + 5000
    while (!received() && Date.now() < deadline) {
      one.publish('room3', { kind: 'update', seq: 2, update: new Uint8Array([2]) })
      await new Promise((done) => setTimeout(done, 200))
    }
    expect(received()).toBe(true)
    two.unwatch('room3')
    await new Promise((done) => setTimeout(done, 200))
    one.publish('room3', { kind: 'update', seq: 3, update: new Uint8Array([3]) })
    await new Promise((done) => setTimeout(done, 400))
    expect(b.received.some(([, message]) => message.kind === 'update' && message.seq === 3)).toBe(false)
    await Promise.all([one.close(), two.close()])
  })
})
