/**
 * A team's space changed only as each role may: every update to a `team:<teamId>` room is judged by
 * shared/team/change-guard.ts against the token's user, name and team role before it touches the document.
 */
import { CloseCode } from '../../shared/protocol/close-codes'
import { parseAnyRoomName } from '../../shared/protocol/rooms'
import { isTeamRole } from '../../shared/protocol/token'
import type { DecodedUpdate } from '../../shared/review/update-places'
import { checkTeamUpdate } from '../../shared/team/change-guard'
import type { Logger } from './log'
import type { Peer, Room } from './room'
import type { Outcome } from './rooms'

const skipped: Outcome = { ok: true, value: undefined }

/**
 * Null when the update may be applied (or the room is no team's space). Otherwise the outcome to return instead
 * of applying it, as for review and feedback rooms: a refusal (4403) for a change the writer may not make; for
 * an update that builds on items the relay does not hold yet, nothing: it is dropped unapplied, and the sync
 * step 2 the client sends in its handshake (or on reconnect) brings it again together with what it builds on.
 */
export const judgeTeamUpdate = (
  log: Logger,
  room: Room,
  from: Peer,
  update: DecodedUpdate,
): Outcome | null => {
  if (parseAnyRoomName(room.name)?.kind !== 'team') return null
  const who = { conn: from.id, room: room.name, user: from.user, role: from.role }
  // Only a team token opens a team's space (access.ts); anything else writes nothing there.
  const verdict = isTeamRole(from.role)
    ? checkTeamUpdate(room.doc, update, { id: from.user, name: from.name, role: from.role })
    : ({ ok: false, error: { kind: 'not-allowed', reason: 'only team tokens write a team space' } } as const)
  if (verdict.ok) return null
  const { kind, reason } = verdict.error
  if (kind === 'unresolved') {
    log.info(
      { event: 'update-deferred', ...who, reason },
      'team update builds on items not held yet; dropped',
    )
    return skipped
  }
  log.warn({ event: 'change-refused', ...who, reason }, 'team update changes what this user may not change')
  return { ok: false, error: { code: CloseCode.ChangeNotAllowed, reason } }
}
