import { CloseCode } from '../../shared/protocol/close-codes'
import type { Connection } from './connection'

/** Often enough to notice dead sockets and expired tokens within a minute or so, rarely enough to cost nothing. */
export const HEARTBEAT_MS = 30_000
/**
 * Each connection is visited once per heartbeat, in one of this many slices spread evenly over it (one every
 * 100 ms): pinging thousands of sockets in one go (and reading their pongs) stalled updates in flight by several
 * milliseconds; a slice of 2,000 connections is about 7 pings.
 */
export const HEARTBEAT_SLICES = 300
/**
 * A connection this young has just proved itself alive by connecting, and its token was checked then. Skipping it
 * also keeps a reconnect storm (every client of a restarted relay at once) from being pinged while it syncs.
 */
export const HEARTBEAT_GRACE_MS = HEARTBEAT_MS / 2

/** The part of a connection the heartbeat reads and changes. */
export type Beating = Pick<Connection, 'id' | 'expiresAt' | 'openedAt' | 'alive'> & {
  alive: boolean
  readonly socket: Pick<Connection['socket'], 'close' | 'terminate' | 'ping'>
}

/**
 * Visits the connections of one slice, except those opened within the grace period: ends those whose token
 * has expired, terminates those that did not answer the previous ping, and pings the rest. One timer for all
 * connections instead of one per connection.
 */
export const beat = (connections: Iterable<Beating>, slice: number, nowMs: number): void => {
  for (const connection of connections) {
    if (connection.id % HEARTBEAT_SLICES !== slice || nowMs - connection.openedAt < HEARTBEAT_GRACE_MS)
      continue
    if (connection.expiresAt <= nowMs) {
      connection.socket.close(CloseCode.TokenExpired, 'token expired')
    } else if (!connection.alive) {
      connection.socket.terminate()
    } else {
      connection.alive = false
      connection.socket.ping()
    }
  }
}

/** Runs the heartbeat's slices one after another until stopped; the timer never keeps the process alive. */
export const startHeartbeat = (connections: Iterable<Beating>): (() => void) => {
  let slice = 0
  const timer = setInterval(() => {
    beat(connections, slice, Date.now())
    slice = (slice + 1) % HEARTBEAT_SLICES
  }, HEARTBEAT_MS / HEARTBEAT_SLICES)
  timer.unref()
  return () => clearInterval(timer)
}
