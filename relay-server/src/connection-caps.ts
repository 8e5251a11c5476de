import { CloseCode } from '../../shared/protocol/close-codes'
import type { Limits } from './config'
import type { Refusal } from './rooms'

/** What one connection counts against; each key is shared by all connections it counts, so it costs no copy. */
export interface CapKeys {
  /** Null when the address is exempt (loopback, by default). */
  readonly address: string | null
  /** Room and token; null in `--open` mode, where everyone holds the same (absent) token. */
  readonly tokenInRoom: string | null
}

/** A reverse proxy on the relay's own host makes every client one loopback address; it must enforce its own cap. */
const isLoopback = (address: string): boolean =>
  address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')

const take = (counts: Map<string, number>, key: string): string => {
  counts.set(key, (counts.get(key) ?? 0) + 1)
  return key
}

const give = (counts: Map<string, number>, key: string | null): void => {
  if (key === null) return
  const count = (counts.get(key) ?? 1) - 1
  if (count > 0) counts.set(key, count)
  else counts.delete(key)
}

/**
 * Counts open connections per client address and per token in each room, so one token holder (a viewer invited
 * to one course, say) cannot take the room's or the relay's connection limit for themselves.
 */
export const createConnectionCaps = (limits: Limits) => {
  const byAddress = new Map<string, number>()
  const byTokenInRoom = new Map<string, number>()
  return {
    /** Counts an arriving connection, or says why it is refused (and counts nothing). */
    admit(
      address: string | undefined,
      room: string,
      tokenKey: string | null,
    ): { ok: true; value: CapKeys } | { ok: false; error: Refusal } {
      const addressKey =
        address === undefined || (limits.loopbackExempt && isLoopback(address)) ? null : address
      if (addressKey !== null && (byAddress.get(addressKey) ?? 0) >= limits.maxAddressConnections)
        return {
          ok: false,
          error: { code: CloseCode.TooManyForAddress, reason: 'too many connections from this address' },
        }
      const tokenKeyInRoom = tokenKey === null ? null : `${room} ${tokenKey}`
      if (
        tokenKeyInRoom !== null &&
        (byTokenInRoom.get(tokenKeyInRoom) ?? 0) >= limits.maxTokenRoomConnections
      )
        return {
          ok: false,
          error: {
            code: CloseCode.TooManyForToken,
            reason: 'this token has too many connections to this room',
          },
        }
      return {
        ok: true,
        value: {
          address: addressKey === null ? null : take(byAddress, addressKey),
          tokenInRoom: tokenKeyInRoom === null ? null : take(byTokenInRoom, tokenKeyInRoom),
        },
      }
    },

    release(keys: CapKeys): void {
      give(byAddress, keys.address)
      give(byTokenInRoom, keys.tokenInRoom)
    },
  }
}

export type ConnectionCaps = ReturnType<typeof createConnectionCaps>
