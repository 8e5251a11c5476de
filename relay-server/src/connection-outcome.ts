import { CloseCode } from '../../shared/protocol/close-codes'
import type { Connection } from './connection'
import type { Outcome } from './rooms'

/** What every log line about a connection says about it. */
export const who = (c: Connection) => ({ conn: c.id, room: c.room.name, user: c.user, role: c.role })

/** Runs a step of handling; an unexpected throw ends only this connection. */
export const guarded = (c: Connection, step: (c: Connection) => Outcome): Outcome => {
  try {
    return step(c)
  } catch (error) {
    c.env.log.error(
      { event: 'internal-error', ...who(c), err: error instanceof Error ? error.stack : String(error) },
      'unexpected error handling a frame',
    )
    return { ok: false, error: { code: CloseCode.InternalError, reason: 'internal error' } }
  }
}

export const endIfRefused = (c: Connection, outcome: Outcome): void => {
  if (outcome.ok) return
  c.env.log.warn(
    { event: 'bad-message', ...who(c), code: outcome.error.code, reason: outcome.error.reason },
    'closing connection after a bad message',
  )
  // The WebSocket spec caps a close reason at 123 bytes.
  c.socket.close(outcome.error.code, outcome.error.reason.slice(0, 120))
}
