import type { WebSocket } from 'ws'
import type { Limits } from './config'
import { msUntil, refill } from './token-bucket'

/**
 * A connection's rate limits, as numbers on the connection itself: token buckets for messages and bytes, and one
 * for sync step 1 requests, all refilled when a frame arrives (an idle connection costs no timer). Past the
 * message or byte bucket the relay stops reading the socket until it has refilled: a legitimate burst is only
 * slowed, and a flood stays in the sender's TCP buffers instead of the relay's memory and time.
 */
export interface Buckets {
  messageTokens: number
  byteTokens: number
  step1Tokens: number
  refilledAt: number
}

/**
 * Sync step 1 requests a connection may make at once, then one per second. A client asks on connecting and the
 * app again when edits settle; more is a loop or an attack, and a request past the limit waits its turn.
 */
export const STEP1_BURST = 4
export const STEP1_PER_SECOND = 1

export const fullBuckets = (limits: Limits, nowMs: number): Buckets => ({
  messageTokens: limits.messageBurst,
  byteTokens: limits.byteBurst,
  step1Tokens: STEP1_BURST,
  refilledAt: nowMs,
})

export const refillBuckets = (b: Buckets, limits: Limits, nowMs: number): void => {
  const elapsed = nowMs - b.refilledAt
  b.refilledAt = nowMs
  b.messageTokens = refill(b.messageTokens, limits.messageBurst, limits.maxMessagesPerSecond, elapsed)
  b.byteTokens = refill(b.byteTokens, limits.byteBurst, limits.maxBytesPerSecond, elapsed)
  b.step1Tokens = refill(b.step1Tokens, STEP1_BURST, STEP1_PER_SECOND, elapsed)
}

/** Takes one message of `bytes` from the buckets; returns how many ms the sender must wait before the next. */
export const chargeMessage = (b: Buckets, limits: Limits, bytes: number, nowMs: number): number => {
  refillBuckets(b, limits, nowMs)
  b.messageTokens -= 1
  b.byteTokens -= bytes
  return Math.max(
    msUntil(b.messageTokens, 0, limits.maxMessagesPerSecond),
    msUntil(b.byteTokens, 0, limits.maxBytesPerSecond),
  )
}

/** Takes a step 1 token if there is one; otherwise returns how many ms until there is. */
export const takeStep1 = (b: Buckets, limits: Limits, nowMs: number): number => {
  refillBuckets(b, limits, nowMs)
  const wait = msUntil(b.step1Tokens, 1, STEP1_PER_SECOND)
  if (wait === 0) b.step1Tokens -= 1
  return wait
}

function resumeReading(socket: WebSocket): void {
  socket.resume()
}

/**
 * Stops reading the socket for `ms`. Frames `ws` has already read still arrive (at most one TCP read's worth);
 * they are charged too, so the first frame read after resuming pauses it again until that debt is paid.
 */
export const pauseReading = (socket: WebSocket, ms: number): void => {
  if (socket.isPaused) return
  socket.pause()
  setTimeout(resumeReading, ms, socket).unref()
}
