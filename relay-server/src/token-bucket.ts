/**
 * Token-bucket arithmetic on plain numbers, so a connection's limits are a few fields and no timer. A bucket may
 * go negative: a message larger than what is left is taken whole, and the sender waits until the debt is paid.
 */

/** The bucket after `elapsedMs` of refilling at `perSecond`, never above `burst`. */
export const refill = (tokens: number, burst: number, perSecond: number, elapsedMs: number): number =>
  Math.min(burst, tokens + (Math.max(0, elapsedMs) * perSecond) / 1000)

/** Milliseconds until a bucket refilling at `perSecond` holds at least `needed` tokens. */
export const msUntil = (tokens: number, needed: number, perSecond: number): number =>
  tokens >= needed ? 0 : Math.ceil(((needed - tokens) * 1000) / perSecond)
