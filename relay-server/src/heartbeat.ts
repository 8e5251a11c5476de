import { CloseCode } from '../../shared/protocol/close-codes'
import type { Connection } from './connection'

/** Often enough to notice dead sockets and expired tokens within a minute, rarely enough to cost nothing. */
export const HEARTBEAT_MS = 30_000

/**
 * One timer for all connections instead of one per connection: ends connections whose token has expired,
 * terminates those that did not answer the previous ping, and pings the rest.
 */
export const beat = (connections: Iterable<Connection>, nowMs: number): void => {
  for (const connection of connections) {
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
