import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { describeUrl } from '../postgres/connect'
import { decodeFanoutEntry, encodeFanoutEntry, type FanoutMessage } from './fanout-entry'

/**
 * What one relay instance tells the others about a room, through Redis: a publish/subscribe channel per room, which
 * every instance holding the room subscribes to. `ioredis`: well kept, publishes and receives binary messages, and
 * reconnects by itself, subscribing again to what it was subscribed to. Redis carries nothing durable: updates are in
 * PostgreSQL before they are published, and an instance that misses messages (Redis restarted, a subscription
 * dropped) catches up from there.
 *
 * Why channels and not a stream per room: the streams' history was never read (after an outage an instance catches
 * up from PostgreSQL, which numbers every update), while reading them cost an XREAD naming every room the instance
 * holds, sent again after each delivery: work that grew with rooms × updates. A channel delivers each message once,
 * with nothing to ask for again.
 */
export interface Fanout {
  /** This instance's id; messages it published come back to it and are skipped. */
  readonly instance: string
  /** Fire and forget: a failure is reported through `onError`, and the others catch up from PostgreSQL. */
  publish(room: string, message: FanoutMessage): void
  /**
   * Starts receiving the room's messages. Resolves once Redis has the subscription, so whatever is published from
   * then on arrives; at once while Redis is unreachable (the subscription is made when it is back, and rooms then
   * catch up from PostgreSQL).
   */
  watch(room: string): Promise<void>
  unwatch(room: string): void
  close(): Promise<void>
}

export interface FanoutHooks {
  onMessage(room: string, message: FanoutMessage): void
  /** Receiving resumed after Redis was unreachable: messages may have been missed, so every room should catch up. */
  onResumed(): void
  onError(message: string): void
}

const CHANNEL_PREFIX = 'chorus:room:'
export const channelOf = (room: string): string => `${CHANNEL_PREFIX}${room}`

/** How long a watch waits for Redis to confirm the subscription before the room is read anyway. */
const WATCH_WAIT_MS = 1_000

/** Reconnect attempts while Redis is away: soon at first, then once a second, so delivery resumes within one. */
const reconnectDelay = (attempt: number): number => Math.min(attempt * 100, 1_000)

/** Connects (or throws with the URL's host, never its password) and starts receiving. */
export const openFanout = async (url: string, hooks: FanoutHooks): Promise<Fanout> => {
  const instance = randomUUID()
  // Publishing never queues while Redis is away: an update is already stored, and a late message helps nobody.
  // Auto-pipelining sends the messages of one turn of the event loop in one write.
  const publisher = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    enableAutoPipelining: true,
    retryStrategy: reconnectDelay,
  })
  // A connection that subscribes can do nothing else, hence a second one.
  const subscriber = new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    retryStrategy: reconnectDelay,
  })
  let lastError = ''
  const report = (error: Error): void => {
    // Each failing reconnection attempt says the same: report it once per outage.
    if (error.message === lastError) return
    lastError = error.message
    hooks.onError(error.message)
  }
  publisher.on('error', report)
  subscriber.on('error', report)
  try {
    await Promise.all([publisher.connect(), subscriber.connect()])
  } catch (error) {
    publisher.disconnect()
    subscriber.disconnect()
    throw new Error(
      `cannot reach Redis at ${describeUrl(url)}: ${(error as Error).message} (is it running, and is the URL right?)`,
      { cause: error },
    )
  }

  const watched = new Set<string>()
  let closed = false
  subscriber.on('messageBuffer', (channel: Buffer, bytes: Buffer) => {
    const room = channel.toString().slice(CHANNEL_PREFIX.length)
    if (!watched.has(room)) return
    const entry = decodeFanoutEntry(bytes)
    if (entry === null) hooks.onError(`unreadable message on ${channel.toString()}`)
    else if (entry.instance !== instance) hooks.onMessage(room, entry.message)
  })
  subscriber.on('ready', () => {
    lastError = ''
    // ioredis subscribes again right after this event; a PING sent after that and answered means the subscriptions
    // hold, so catching up from PostgreSQL then misses nothing published since.
    setImmediate(() =>
      subscriber.ping().then(
        () => {
          if (!closed) hooks.onResumed()
        },
        (error: Error) => report(error),
      ),
    )
  })

  return {
    instance,
    publish(room, message) {
      publisher.publish(channelOf(room), encodeFanoutEntry(instance, message)).catch(report)
    },
    async watch(room) {
      if (watched.has(room)) return
      watched.add(room)
      const subscribed = subscriber.subscribe(channelOf(room))
      if (subscriber.status !== 'ready') {
        subscribed.catch(report)
        return
      }
      // Bounded: Redis dropping the connection before it answers must not hold a room's load back until it returns.
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        subscribed.then(() => {}, report),
        new Promise<void>((done) => (timer = setTimeout(done, WATCH_WAIT_MS))),
      ])
      clearTimeout(timer)
    },
    unwatch(room) {
      if (!watched.delete(room)) return
      subscriber.unsubscribe(channelOf(room)).catch(report)
    },
    async close() {
      closed = true
      subscriber.disconnect()
      await publisher.quit().catch(() => publisher.disconnect())
    },
  }
}
