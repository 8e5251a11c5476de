import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { describeUrl } from '../postgres/connect'
import { decodeFanoutEntry, encodeFanoutFields, type FanoutMessage } from './fanout-entry'

/**
 * What one relay instance tells the others about a room, through Redis: a stream per room (ordered, replayable
 * for a moment, trimmed to its last entries). `ioredis`: well kept, speaks streams with binary values, and
 * reconnects by itself. Redis carries nothing durable: updates are in PostgreSQL before they are published, and an
 * instance that misses entries (Redis restarted, a subscription dropped) catches up from there.
 */
export interface Fanout {
  /** This instance's id; entries it published come back to it and are skipped. */
  readonly instance: string
  /** Fire and forget: a failure is reported through `onError`, and the others catch up from PostgreSQL. */
  publish(room: string, message: FanoutMessage): void
  /** Starts reading the room's stream (from its current end). */
  watch(room: string): void
  unwatch(room: string): void
  close(): Promise<void>
}

export interface FanoutHooks {
  onMessage(room: string, message: FanoutMessage): void
  /** Reading resumed after Redis was unreachable: entries may have been missed, so every room should catch up. */
  onResumed(): void
  onError(message: string): void
}

/** Entries a room's stream keeps; a slower reader catches up from PostgreSQL instead. */
const STREAM_LENGTH = 1000
/** How long one blocking read waits; a room watched meanwhile joins the next read. */
const BLOCK_MS = 250
const READ_COUNT = 1000
/** Pause before reading again after a failed read, so a Redis outage is not a busy loop. */
const RETRY_MS = 500

export const streamKey = (room: string): string => `chorus:room:${room}`

/** Reconnect attempts while Redis is away: soon at first, then once a second, so delivery resumes within one. */
const reconnectDelay = (attempt: number): number => Math.min(attempt * 100, 1_000)

type StreamEntries = [Buffer, Buffer[]][]
/** XREAD's answer: pairs of stream key and entries, which ioredis 6 hands over flattened (key, entries, key, …). */
type StreamReply = ([Buffer, StreamEntries] | Buffer | StreamEntries)[] | null

const streamsOf = (reply: StreamReply): [Buffer, StreamEntries][] => {
  if (reply === null || reply.length === 0) return []
  if (!Buffer.isBuffer(reply[0])) return reply as [Buffer, StreamEntries][]
  const pairs: [Buffer, StreamEntries][] = []
  for (let i = 0; i + 1 < reply.length; i += 2)
    pairs.push([reply[i] as Buffer, reply[i + 1] as StreamEntries])
  return pairs
}

/** Connects (or throws with the URL's host, never its password) and starts reading. */
export const openFanout = async (url: string, hooks: FanoutHooks): Promise<Fanout> => {
  const instance = randomUUID()
  // Publishing never queues while Redis is away: an update is already stored, and a late entry helps nobody.
  // Auto-pipelining sends the entries of one turn of the event loop in one write.
  const publisher = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    enableAutoPipelining: true,
    retryStrategy: reconnectDelay,
  })
  const reader = new Redis(url, {
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
  reader.on('error', report)
  try {
    await Promise.all([publisher.connect(), reader.connect()])
  } catch (error) {
    publisher.disconnect()
    reader.disconnect()
    throw new Error(
      `cannot reach Redis at ${describeUrl(url)}: ${(error as Error).message} (is it running, and is the URL right?)`,
      {
        cause: error,
      },
    )
  }

  /** Each watched room's last stream id read; null until its current end is known. */
  const lastIds = new Map<string, string | null>()
  let resumed = false
  let closed = false
  reader.on('ready', () => {
    lastError = ''
    resumed = true
  })

  /** The stream's current end: entries after it are new. */
  const endOf = async (room: string): Promise<string> => {
    const last = (await reader.xrevrange(streamKey(room), '+', '-', 'COUNT', 1))[0]
    return last?.[0] ?? '0-0'
  }

  const readOnce = async (): Promise<void> => {
    if (resumed) {
      resumed = false
      // Redis may have lost its streams: ids from before could be ahead of everything it will write now.
      for (const room of lastIds.keys()) lastIds.set(room, null)
      hooks.onResumed()
    }
    for (const [room, id] of lastIds) if (id === null) lastIds.set(room, await endOf(room))
    const rooms = [...lastIds.keys()]
    if (rooms.length === 0) return new Promise((done) => setTimeout(done, BLOCK_MS))
    const ids = rooms.map((room) => lastIds.get(room) ?? '$')
    const reply = (await reader.callBuffer(
      'XREAD',
      'COUNT',
      READ_COUNT,
      'BLOCK',
      BLOCK_MS,
      'STREAMS',
      ...rooms.map(streamKey),
      ...ids,
    )) as StreamReply
    for (const [key, entries] of streamsOf(reply)) {
      const room = key.toString().slice(streamKey('').length)
      if (!lastIds.has(room)) continue
      for (const [id, fields] of entries) {
        lastIds.set(room, id.toString())
        const entry = decodeFanoutEntry(fields)
        if (entry === null) hooks.onError(`unreadable entry ${id.toString()} in ${key.toString()}`)
        else if (entry.instance !== instance) hooks.onMessage(room, entry.message)
      }
    }
  }

  const loop = async (): Promise<void> => {
    while (!closed) {
      try {
        await readOnce()
      } catch (error) {
        if (closed) return
        report(error as Error)
        await new Promise((done) => setTimeout(done, RETRY_MS))
      }
    }
  }
  const reading = loop()

  return {
    instance,
    publish(room, message) {
      publisher
        .xadd(streamKey(room), 'MAXLEN', '~', STREAM_LENGTH, '*', ...encodeFanoutFields(instance, message))
        .catch(report)
    },
    watch(room) {
      if (!lastIds.has(room)) lastIds.set(room, null)
    },
    unwatch(room) {
      lastIds.delete(room)
    },
    async close() {
      closed = true
      reader.disconnect()
      await reading
      await publisher.quit().catch(() => publisher.disconnect())
    },
  }
}
