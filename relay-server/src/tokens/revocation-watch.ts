import { CloseCode, UpgradeStatus } from '../../../shared/protocol/close-codes'
import type { TokenVerifier } from '../auth'
import type { Logger } from '../log'
import type { TokenRegistry } from './registry'
import { createRevocationSet, type Revocation, type RevocableToken } from './revocation-set'

/** How often the relay looks for revocations made by `npm run relay -- revoke` (one indexed query, usually empty). */
export const REVOCATION_POLL_MS = 5_000

const OPEN = 1

/** The part of a connection a revocation reads and ends. */
export interface Revocable extends RevocableToken {
  readonly socket: { readonly readyState: number; close(code: number, reason: string): void }
}

export interface RevocationWatch {
  /** Wraps a verifier so that a valid but revoked token is refused (401, "token revoked"). */
  guard(verify: TokenVerifier): TokenVerifier
  stop(): void
}

const describe = (revocation: Revocation) =>
  revocation.kind === 'token'
    ? { token: revocation.tokenId }
    : { user: revocation.user, issuedUpTo: revocation.at }

/**
 * Keeps the relay's view of the token registry's revocations current: read in full at start, then only those
 * newer than the last seen, before every token check and every REVOCATION_POLL_MS. Each new revocation closes
 * the open connections it covers with 4410: with a registry in PostgreSQL every relay instance polls it, so a
 * revocation reaches the connections on all of them. A registry unreadable at start rejects; one unreadable later
 * leaves the revocations already read in force. The registry stays the caller's to close.
 */
export const watchRevocations = async (
  registry: TokenRegistry,
  connections: Iterable<Revocable>,
  log: Logger,
): Promise<RevocationWatch> => {
  // Unreadable at start, the registry stops the relay from starting rather than let revoked tokens in.
  const loaded = await registry.revocationsAfter(0)
  const revoked = createRevocationSet(loaded)
  let lastSeq = loaded.at(-1)?.seq ?? 0
  let readFailing = false
  // A connection whose token passed the check joins `connections` a few steps later; should a revocation be read
  // in between, the sweep misses it, so the next poll sweeps once more.
  let sweepAgain = false

  const closeRevoked = (): number => {
    let closed = 0
    for (const connection of connections) {
      if (connection.socket.readyState !== OPEN || !revoked.covers(connection)) continue
      connection.socket.close(CloseCode.TokenRevoked, 'token revoked')
      closed++
    }
    return closed
  }

  const read = async (): Promise<Revocation[]> => {
    try {
      const fresh = await registry.revocationsAfter(lastSeq)
      readFailing = false
      return fresh
    } catch (error) {
      if (!readFailing)
        log.error(
          { event: 'revocations-read-failed', err: error instanceof Error ? error.message : String(error) },
          'could not read the token registry; using the revocations already read',
        )
      readFailing = true
      return []
    }
  }

  const readOnce = async (): Promise<void> => {
    const fresh = await read()
    if (fresh.length === 0) return
    for (const revocation of fresh) {
      revoked.add(revocation)
      lastSeq = revocation.seq
    }
    sweepAgain = true
    log.info(
      { event: 'tokens-revoked', revocations: fresh.map(describe), closed: closeRevoked() },
      'revoked tokens refused; their connections closed',
    )
  }

  // One read at a time. A check arriving while a read runs waits for the next read, not that one: the running
  // read may have started before a revocation the check must see was committed.
  let running: Promise<void> | null = null
  let next: Promise<void> | null = null
  const refresh = (): Promise<void> => {
    if (running === null) {
      running = readOnce().finally(() => {
        running = null
      })
      return running
    }
    next ??= running.then(() => {
      next = null
      return refresh()
    })
    return next
  }

  log.info({ event: 'revocations-loaded', count: loaded.length }, 'token revocations loaded')

  const timer = setInterval(() => {
    if (sweepAgain) {
      sweepAgain = false
      closeRevoked()
    }
    void refresh()
  }, REVOCATION_POLL_MS)
  timer.unref()

  return {
    guard: (verify) => async (token, courseId) => {
      const checked = await verify(token, courseId)
      if (!checked.ok) return checked
      await refresh()
      const { jti, sub, iat } = checked.value
      return revoked.covers({ tokenId: jti, user: sub, issuedAt: iat ?? 0 })
        ? { ok: false, error: { status: UpgradeStatus.Unauthorized, reason: 'token revoked' } }
        : checked
    },
    stop: () => clearInterval(timer),
  }
}
