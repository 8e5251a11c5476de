import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes'
import { encodeSyncStep1 } from '../../shared/protocol/codec'
import type { Connection } from './connection'
import { takeStep1 } from './connection-limits'
import { endIfRefused, guarded } from './connection-outcome'
import { sendTo } from './room'
import type { Outcome } from './rooms'

const OPEN = 1
const ok: Outcome = { ok: true, value: undefined }
/**
 * A state vector has ~10 bytes per client that ever edited the document: 1 MiB is some 100,000 editing sessions.
 * Larger ones are refused before the relay reads them, since decoding one costs time and memory.
 */
const MAX_STATE_VECTOR_BYTES = 1024 * 1024

/**
 * Answers a sync step 1 now if the connection and its room may afford it; otherwise keeps the state vector
 * (only the latest: a newer one supersedes it) and answers when they can, since the app still needs its answer.
 */
export const requestSyncStep1 = (c: Connection, stateVector: Uint8Array): Outcome => {
  if (stateVector.byteLength > MAX_STATE_VECTOR_BYTES)
    return {
      ok: false,
      error: {
        code: CloseCode.MalformedMessage,
        reason: `state vector over ${MAX_STATE_VECTOR_BYTES} bytes`,
      },
    }
  const waiting = c.pendingStateVector !== null
  c.pendingStateVector = stateVector
  if (waiting) return keepPending(c)
  const wait = takeStep1(c, c.env.limits, performance.now())
  if (wait > 0) {
    setTimeout(answerPendingStep1, wait, c).unref()
    return keepPending(c)
  }
  return answerSyncStep1(c)
}

/** A copy, so a waiting state vector does not keep the whole frame (or TCP read) it came in alive. */
const keepPending = (c: Connection): Outcome => {
  if (c.pendingStateVector !== null) c.pendingStateVector = c.pendingStateVector.slice()
  return ok
}

const answerSyncStep1 = (c: Connection): Outcome => {
  const stateVector = c.pendingStateVector
  if (stateVector === null) return ok
  if (c.room.writing !== null) {
    // Updates before this request are not stored yet: the answer, and its acknowledgement, wait for them.
    c.env.rooms.afterWrites(c.room, () => answerWhenStored(c))
    return keepPending(c)
  }
  return answerNow(c, stateVector)
}

/** Between writes: the document holds nothing the store lacks. */
const answerNow = (c: Connection, stateVector: Uint8Array): Outcome => {
  const answered = c.env.rooms.answerSyncStep1(c.room, c, stateVector)
  if (!answered.ok) return answered
  if (answered.value > 0) {
    // The room has spent its encoding budget; the connection keeps its turn.
    c.step1Tokens += 1
    setTimeout(answerPendingStep1, answered.value, c).unref()
    return keepPending(c)
  }
  c.pendingStateVector = null
  // The protocol has no acknowledgement: our state vector after the answer tells the client which of its
  // changes the relay now holds. Stock clients reply with a (usually empty) step 2, which costs nothing.
  sendTo(c, encodeSyncStep1(Y.encodeStateVector(c.room.doc)))
  return ok
}

/**
 * Runs right after the writes that came before it, before any write enqueued later has started (see
 * room-writes.ts): so it answers now, even if more writes are waiting, and a busy room cannot starve it.
 */
function answerWhenStored(c: Connection): void {
  const stateVector = c.pendingStateVector
  if (c.socket.readyState !== OPEN || stateVector === null) return
  endIfRefused(
    c,
    guarded(c, (c) => answerNow(c, stateVector)),
  )
}

function answerPendingStep1(c: Connection): void {
  if (c.socket.readyState !== OPEN || c.pendingStateVector === null) return
  const wait = takeStep1(c, c.env.limits, performance.now())
  if (wait > 0) {
    setTimeout(answerPendingStep1, wait, c).unref()
    return
  }
  endIfRefused(c, guarded(c, answerSyncStep1))
}
