import type { Result } from '../../shared/errors'
import { UpgradeStatus } from '../../shared/protocol/close-codes'
import { PROTOCOL_PARAM, TOKEN_PARAM } from '../../shared/protocol/messages'
import { canRead, parseRoomName, type RoomRef } from '../../shared/protocol/rooms'
import { ANY_COURSE, type TokenClaims } from '../../shared/protocol/token'
import type { AuthRefusal, TokenVerifier } from './auth'

export interface Admitted {
  readonly roomName: string
  readonly ref: RoomRef
  readonly claims: TokenClaims
  /** The version the client asked for, if it said; checked after the upgrade so the client can read the close code. */
  readonly protocol: number | null
  /**
   * Identifies the token for the per-token connection cap: its `jti`, or for tokens minted without one its
   * signature (unique per token, and never logged); null in `--open` mode.
   */
  readonly tokenKey: string | null
}

export interface UpgradeRefusal {
  readonly status: UpgradeStatus
  readonly reason: string
}

/** Who connects in `--open` mode: an author of every course whose token never expires. */
export const OPEN_CLAIMS: TokenClaims = {
  sub: 'open-mode',
  name: 'anonymous',
  course: ANY_COURSE,
  role: 'author',
  exp: Number.POSITIVE_INFINITY,
}

const readProtocol = (raw: string | null): number | null => {
  if (raw === null) return null
  const version = Number(raw)
  return Number.isInteger(version) ? version : -1
}

/**
 * Decides at the HTTP upgrade whether a request may connect, before any document data is sent:
 * 400 for a path that is no room, 401 for a missing/bad token, 403 for a token of another course or a room its
 * role may not see (a pilot learner's token opens only the course and its feedback).
 * `verify` is null in `--open` mode.
 */
export const admit = async (
  requestUrl: string | undefined,
  verify: TokenVerifier | null,
): Promise<Result<Admitted, UpgradeRefusal | AuthRefusal>> => {
  const url = new URL(requestUrl ?? '/', 'http://relay.invalid')
  let roomName: string
  try {
    roomName = decodeURIComponent(url.pathname.slice(1))
  } catch {
    roomName = ''
  }
  const ref = parseRoomName(roomName)
  if (ref === null)
    return {
      ok: false,
      error: {
        status: UpgradeStatus.BadRoom,
        reason: 'path is not a room name (/<courseId>, or /<courseId>/ then review, history or feedback)',
      },
    }
  const protocol = readProtocol(url.searchParams.get(PROTOCOL_PARAM))
  if (verify === null)
    return { ok: true, value: { roomName, ref, claims: OPEN_CLAIMS, protocol, tokenKey: null } }
  const token = url.searchParams.get(TOKEN_PARAM)
  const checked = await verify(token, ref.courseId)
  if (!checked.ok) return checked
  if (!canRead(checked.value.role, ref.kind))
    return {
      ok: false,
      error: {
        status: UpgradeStatus.Forbidden,
        reason: `a ${checked.value.role} token does not open ${ref.kind}`,
      },
    }
  const tokenKey = checked.value.jti ?? token?.slice(token.lastIndexOf('.') + 1) ?? null
  return { ok: true, value: { roomName, ref, claims: checked.value, protocol, tokenKey } }
}
