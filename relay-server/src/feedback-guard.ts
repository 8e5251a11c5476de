/**
 * Feedback only its learner can change: every update to a `<courseId>/feedback` room is judged by
 * shared/feedback/change-guard.ts against the token's user and role before it touches the document.
 */
import { checkFeedbackUpdate } from '../../shared/feedback/change-guard'
import { CloseCode } from '../../shared/protocol/close-codes'
import { parseRoomName } from '../../shared/protocol/rooms'
import { isRole } from '../../shared/protocol/token'
import type { DecodedUpdate } from '../../shared/review/update-places'
import type { Logger } from './log'
import type { Peer, Room } from './room'
import type { Outcome } from './rooms'

const skipped: Outcome = { ok: true, value: undefined }

/**
 * Null when the update may be applied (or the room holds no feedback). Otherwise the outcome to return instead
 * of applying it, as for review rooms (review-guard.ts): a refusal (4403) for a change the writer may not make;
 * for an update that builds on items the relay does not hold yet, nothing: it is dropped unapplied, and the sync
 * step 2 the client sends in its handshake (or on reconnect) brings it again together with what it builds on.
 */
export const judgeFeedbackUpdate = (
  log: Logger,
  room: Room,
  from: Peer,
  update: DecodedUpdate,
): Outcome | null => {
  if (parseRoomName(room.name)?.kind !== 'feedback') return null
  // Only course roles enter a course's rooms (access.ts turns a team role into one).
  if (!isRole(from.role))
    return {
      ok: false,
      error: { code: CloseCode.ChangeNotAllowed, reason: 'a team role does not write here' },
    }
  const verdict = checkFeedbackUpdate(room.doc, update, { id: from.user, name: from.name, role: from.role })
  if (verdict.ok) return null
  const { kind, reason } = verdict.error
  const who = { conn: from.id, room: room.name, user: from.user, role: from.role, reason }
  if (kind === 'unresolved') {
    log.info({ event: 'update-deferred', ...who }, 'feedback update builds on items not held yet; dropped')
    return skipped
  }
  log.warn({ event: 'change-refused', ...who }, 'feedback update changes what this user may not change')
  return { ok: false, error: { code: CloseCode.ChangeNotAllowed, reason } }
}
