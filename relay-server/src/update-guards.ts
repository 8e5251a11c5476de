/**
 * Rooms whose documents only some people may change, and in which ways: every update to a `<courseId>/review`
 * room is judged by shared/review/change-guard.ts (comments only their authors change), to a `<courseId>/history`
 * room by shared/history/change-guard.ts (saved versions are never changed or deleted), to a `<courseId>/feedback`
 * room by shared/feedback/change-guard.ts (feedback only its learner changes) and to a `team:<teamId>` room by
 * shared/team/change-guard.ts (a team's space only as each role may), against the token's user, name and role,
 * before it touches the document.
 */
import type { Result } from '../../shared/errors'
import { checkFeedbackUpdate } from '../../shared/feedback/change-guard'
import { checkHistoryUpdate } from '../../shared/history/change-guard'
import { CloseCode } from '../../shared/protocol/close-codes'
import { parseAnyRoomName } from '../../shared/protocol/rooms'
import { isRole, isTeamRole } from '../../shared/protocol/token'
import { checkReviewUpdate } from '../../shared/review/change-guard'
import type { DecodedUpdate, UpdateRefusal } from '../../shared/review/update-places'
import { checkTeamUpdate } from '../../shared/team/change-guard'
import type { Logger } from './log'
import type { Peer, Room } from './room'
import type { Outcome } from './rooms'

const skipped: Outcome = { ok: true, value: undefined }

const notAllowed = (reason: string): Result<void, UpdateRefusal> => ({
  ok: false,
  error: { kind: 'not-allowed', reason },
})

/**
 * The guard's verdict on an update to this room, or null for a room no guard watches (course content: only
 * authors write it at all, see `canWrite`). Course roles enter only a course's rooms and team
 * roles only a team's space (access.ts turns a team role into a course role there), so anything else is refused.
 */
const verdictOn = (room: Room, from: Peer, update: DecodedUpdate): Result<void, UpdateRefusal> | null => {
  const kind = parseAnyRoomName(room.name)?.kind
  const { user: id, name, role } = from
  switch (kind) {
    case 'review':
      return isRole(role)
        ? checkReviewUpdate(room.doc, update, { id, role })
        : notAllowed('a team role does not write here')
    case 'history':
      return isRole(role)
        ? checkHistoryUpdate(room.doc, update, { id })
        : notAllowed('a team role does not write here')
    case 'feedback':
      return isRole(role)
        ? checkFeedbackUpdate(room.doc, update, { id, name, role })
        : notAllowed('a team role does not write here')
    case 'team':
      return isTeamRole(role)
        ? checkTeamUpdate(room.doc, update, { id, name, role })
        : notAllowed('only team tokens write a team space')
    default:
      return null
  }
}

/**
 * Null when the update may be applied (or no guard watches the room). Otherwise the outcome to return instead of
 * applying it: a refusal (4403) for a change the writer may not make; for an update that builds on items the
 * relay does not hold yet, nothing: it is dropped unapplied, and the sync step 2 the client sends in its handshake
 * (or on reconnect) brings it again together with what it builds on.
 */
export const judgeGuardedUpdate = (
  log: Logger,
  room: Room,
  from: Peer,
  update: DecodedUpdate,
): Outcome | null => {
  const verdict = verdictOn(room, from, update)
  if (verdict === null || verdict.ok) return null
  const { kind, reason } = verdict.error
  const who = { conn: from.id, room: room.name, user: from.user, role: from.role, reason }
  if (kind === 'unresolved') {
    log.info({ event: 'update-deferred', ...who }, 'update builds on items not held yet; dropped')
    return skipped
  }
  log.warn({ event: 'change-refused', ...who }, 'update changes what this user may not change')
  return { ok: false, error: { code: CloseCode.ChangeNotAllowed, reason } }
}
