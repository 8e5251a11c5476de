import { accessCheckUrl } from '../../../shared/protocol/access-check'
import { isRefusedForGood } from '../../../shared/protocol/close-codes'

/** Asked at most this often while the relay stays unreachable: the answer changes only with the invite. */
export const PROBE_INTERVAL_MS = 15_000

export interface AccessProbe {
  /** After a failed connection: asks the relay whether it refused the invite; calls back only if it did, for good. */
  afterFailedConnection(): void
  stop(): void
}

/**
 * Tells a refused invite from an outage. A browser sees a refused WebSocket upgrade only as a failed connection,
 * so after one the relay's access check (shared/protocol/access-check.ts) is asked over HTTP. An unreachable
 * relay, a 503 or a 200 (the failure was the network's) change nothing: the provider keeps retrying.
 */
export function createAccessProbe(
  relayUrl: string,
  room: string,
  token: string,
  onRefused: (status: number) => void,
): AccessProbe {
  let asking = false
  let lastAsked = -Infinity
  let stopped = false
  return {
    afterFailedConnection() {
      if (stopped || asking || Date.now() - lastAsked < PROBE_INTERVAL_MS) return
      asking = true
      lastAsked = Date.now()
      fetch(accessCheckUrl(relayUrl, room, token), { cache: 'no-store' })
        .then(
          (response) => {
            if (!stopped && isRefusedForGood(response.status)) onRefused(response.status)
          },
          () => undefined,
        )
        .finally(() => {
          asking = false
        })
    },
    stop() {
      stopped = true
    },
  }
}
