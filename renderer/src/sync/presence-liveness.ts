import { getUnixTime } from 'lib0/time'
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness'

/** How often this client tells the others it is still there. */
export const RENEW_MS = 1_000
/** How long a co-author may stay silent before they count as gone (closed lid, dead network). */
export const STALE_MS = 4_000

/**
 * Keeps presence honest within seconds instead of y-protocols' 30: this client renews its state every `RENEW_MS`
 * and drops a co-author not heard from for `STALE_MS`. A closed page or connection is announced by the relay at
 * once; this is for a network that died without a word (the relay's heartbeat alone takes up to a minute).
 * Renewals from the others also wake a tab whose timers the browser throttles, so it renews on time while
 * anybody else is there. Returns stop.
 */
export function keepPresenceLive(
  awareness: Awareness,
  { renewMs = RENEW_MS, staleMs = STALE_MS }: { renewMs?: number; staleMs?: number } = {},
): () => void {
  let checking = false
  const check = (): void => {
    if (checking) return
    checking = true
    try {
      // y-protocols' clock, which stamps `lastUpdated`.
      const now = getUnixTime()
      const own = awareness.meta.get(awareness.clientID)
      const state = awareness.getLocalState()
      if (state !== null && own !== undefined && now - own.lastUpdated >= renewMs)
        awareness.setLocalState(state)
      const stale = [...awareness.meta]
        .filter(
          ([id, meta]) =>
            id !== awareness.clientID && awareness.states.has(id) && now - meta.lastUpdated >= staleMs,
        )
        .map(([id]) => id)
      if (stale.length > 0) removeAwarenessStates(awareness, stale, 'stale')
    } finally {
      checking = false
    }
  }
  const timer = setInterval(check, renewMs / 4)
  awareness.on('update', check)
  return () => {
    clearInterval(timer)
    awareness.off('update', check)
  }
}
