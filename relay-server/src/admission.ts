import type { Result } from '../../shared/errors'
import { UpgradeStatus } from '../../shared/protocol/close-codes'
import { PROTOCOL_PARAM, TOKEN_PARAM } from '../../shared/protocol/messages'
import { canRead, parseAnyRoomName, type RoomRef, type TeamRoomRef } from '../../shared/protocol/rooms'
import { ANY_COURSE, type TeamTokenClaims, type TokenClaims } from '../../shared/protocol/token'
import type { TeamId } from '../../shared/team/types'
import type { Access, AccessRefusal } from './access'

/**
 * A course room with the claims its course sees (a team token's already turned into its course role, access.ts),
 * or a team's space with the team token's own claims.
 */
export type AdmittedRoom =
  | { readonly ref: RoomRef; readonly claims: TokenClaims }
  | { readonly ref: TeamRoomRef; readonly claims: TeamTokenClaims }

export type Admitted = AdmittedRoom & {
  readonly roomName: string
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

/** Who connects to a team's space in `--open` mode: a lead, whose token never expires. */
const openTeamClaims = (teamId: TeamId): TeamTokenClaims => ({
  sub: OPEN_CLAIMS.sub,
  name: OPEN_CLAIMS.name,
  team: teamId,
  role: 'lead',
  exp: OPEN_CLAIMS.exp,
})

const readProtocol = (raw: string | null): number | null => {
  if (raw === null) return null
  const version = Number(raw)
  return Number.isInteger(version) ? version : -1
}

/** What the token opens in the room: access.ts decides, then the course role must be one that reads this room. */
const admitToRoom = async (
  ref: RoomRef | TeamRoomRef,
  token: string | null,
  access: Access,
): Promise<Result<AdmittedRoom, AccessRefusal>> => {
  if (ref.kind === 'team') {
    const checked = await access.team(token, ref.teamId)
    return checked.ok ? { ok: true, value: { ref, claims: checked.value } } : checked
  }
  const checked = await access.course(token, ref.courseId)
  if (!checked.ok) return checked
  if (!canRead(checked.value.role, ref.kind))
    return {
      ok: false,
      error: {
        status: UpgradeStatus.Forbidden,
        reason: `a ${checked.value.role} token does not open ${ref.kind}`,
      },
    }
  return { ok: true, value: { ref, claims: checked.value } }
}

/**
 * Decides at the HTTP upgrade whether a request may connect, before any document data is sent:
 * 400 for a path that is no room, 401 for a missing/bad token, 403 for a token of another course or team, a room
 * its role may not see (a pilot learner's token opens only the course and its feedback) or a team course its team
 * role does not open (access.ts), 503 when a room that decides it cannot be read now.
 * `access` is null in `--open` mode.
 */
export const admit = async (
  requestUrl: string | undefined,
  access: Access | null,
): Promise<Result<Admitted, UpgradeRefusal | AccessRefusal>> => {
  const url = new URL(requestUrl ?? '/', 'http://relay.invalid')
  let roomName: string
  try {
    roomName = decodeURIComponent(url.pathname.slice(1))
  } catch {
    roomName = ''
  }
  const ref = parseAnyRoomName(roomName)
  if (ref === null)
    return {
      ok: false,
      error: {
        status: UpgradeStatus.BadRoom,
        reason:
          'path is not a room name (/<courseId>, or /<courseId>/ then review, history or feedback, or /team:<teamId>)',
      },
    }
  const protocol = readProtocol(url.searchParams.get(PROTOCOL_PARAM))
  if (access === null) {
    const open: AdmittedRoom =
      ref.kind === 'team' ? { ref, claims: openTeamClaims(ref.teamId) } : { ref, claims: OPEN_CLAIMS }
    return { ok: true, value: { ...open, roomName, protocol, tokenKey: null } }
  }
  const token = url.searchParams.get(TOKEN_PARAM)
  const admitted = await admitToRoom(ref, token, access)
  if (!admitted.ok) return admitted
  const tokenKey = admitted.value.claims.jti ?? token?.slice(token.lastIndexOf('.') + 1) ?? null
  return { ok: true, value: { ...admitted.value, roomName, protocol, tokenKey } }
}
