import { relayHttpBase } from './media'
import { TOKEN_PARAM } from './messages'

/**
 * `GET /access/<room>?token=…` answers what the WebSocket upgrade to that room would: 200, or the upgrade's refusal
 * status (400, 401, 403, 503) with its reason. A browser sees a refused upgrade only as a failed connection, the
 * same as an unreachable relay; asking here tells a wrong or expired invite from an outage.
 */
export const ACCESS_PREFIX = '/access/'

/** The relay's answer, as JSON. */
export type AccessAnswer = { readonly ok: true } | { readonly ok: false; readonly reason: string }

export const accessCheckUrl = (relayUrl: string, room: string, token: string): string =>
  `${relayHttpBase(relayUrl)}${ACCESS_PREFIX}${encodeURIComponent(room)}?${TOKEN_PARAM}=${encodeURIComponent(token)}`

/** The room path an access check asks about (`/access/x` → `/x`, query kept), or null for any other path. */
export const roomRequestOf = (requestUrl: string): string | null => {
  const [path = '', query] = requestUrl.split('?', 2)
  if (!path.startsWith(ACCESS_PREFIX)) return null
  return `/${path.slice(ACCESS_PREFIX.length)}${query === undefined ? '' : `?${query}`}`
}
