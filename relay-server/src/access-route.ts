import type { IncomingMessage, ServerResponse } from 'node:http'
import { roomRequestOf, type AccessAnswer } from '../../shared/protocol/access-check'
import type { Access } from './access'
import { admit } from './admission'
import { CORS, PREFLIGHT } from './http-cors'
import type { Logger } from './log'

export interface AccessRouteOptions {
  readonly log: Logger
  /** As for media: null in `--open` mode, read per request because it is created when the relay listens. */
  readonly access: () => Access | null
  readonly closing: () => boolean
}

const answer = (response: ServerResponse, status: number, body: AccessAnswer): void => {
  response
    .writeHead(status, { ...CORS, 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body))
}

/**
 * `GET /access/<room>?token=…` (shared/protocol/access-check.ts): the WebSocket upgrade's own decision, by the same
 * `admit`, with the same effects (a new team course is registered to the team of the expert who first reaches it)
 * and the same status and reason a refused upgrade sends, which a browser cannot read there.
 * Returns false for any other path.
 */
export const createAccessRoute =
  ({ log, access, closing }: AccessRouteOptions) =>
  (request: IncomingMessage, response: ServerResponse): boolean => {
    const room = roomRequestOf(request.url ?? '/')
    if (room === null) return false
    if (request.method === 'OPTIONS') {
      response.writeHead(204, PREFLIGHT).end()
      return true
    }
    if (request.method !== 'GET') {
      answer(response, 405, { ok: false, reason: 'only GET asks whether a token opens a room' })
      return true
    }
    if (closing()) {
      answer(response, 503, { ok: false, reason: 'relay is shutting down' })
      return true
    }
    admit(room, access()).then(
      (admitted) => {
        if (admitted.ok) return answer(response, 200, { ok: true })
        log.info(
          { event: 'access-check-refused', status: admitted.error.status, reason: admitted.error.reason },
          'access check refused',
        )
        answer(response, admitted.error.status, { ok: false, reason: admitted.error.reason })
      },
      (thrown: unknown) => {
        log.error({ event: 'access-check-failed', err: thrown }, 'access check failed')
        answer(response, 500, { ok: false, reason: 'the relay could not check this token' })
      },
    )
    return true
  }
