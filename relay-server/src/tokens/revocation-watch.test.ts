import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CourseId } from '../../../shared/course/types'
import { CloseCode } from '../../../shared/protocol/close-codes'
import { createTokenVerifier, mintToken } from '../auth'
import { createLogger } from '../log'
import { openSqliteTokenRegistry, type TokenRegistry } from './registry'
import { REVOCATION_POLL_MS, watchRevocations, type Revocable } from './revocation-watch'
import { scratchDir } from '../../../tests/fixtures/scratch-dir'

const SECRET = 'unit-test-secret-with-at-least-32-characters'
const course = 'c1' as CourseId
const log = createLogger('silent')

/** A connection as the watch sees it; `closed` records the close code it was sent. */
const connection = (tokenId: string | undefined, user: string, issuedAt: number) => {
  const c = {
    tokenId,
    user,
    issuedAt,
    closed: null as number | null,
    socket: {
      readyState: 1,
      close: (code?: number) => {
        c.closed = code ?? null
        c.socket.readyState = 2
      },
    },
  }
  return c satisfies Revocable
}

/** The relay's registry, opened as the relay opens it; closed after each test. */
const opened: TokenRegistry[] = []
const relayRegistry = (dataDir: string): TokenRegistry => {
  const registry = openSqliteTokenRegistry(dataDir, { busyTimeoutMs: 0 })
  opened.push(registry)
  return registry
}

/** A revocation made as the command line makes it: another connection, opened for one use. */
const asCli = async (dataDir: string, use: (registry: TokenRegistry) => Promise<unknown>): Promise<void> => {
  const registry = openSqliteTokenRegistry(dataDir)
  try {
    await use(registry)
  } finally {
    registry.close()
  }
}

afterEach(() => {
  vi.useRealTimers()
  for (const registry of opened.splice(0)) registry.close()
})

describe('revocation watch', () => {
  it('refuses revoked tokens at once and closes their connections, leaving others alone', async () => {
    const dataDir = scratchDir('watch')
    const now = Math.floor(Date.now() / 1000)
    const revokedOne = connection('t1', 'ada', now)
    const sameUserOtherToken = connection('t2', 'ada', now)
    const oldToken = connection(undefined, 'bo', now - 60)
    const otherUser = connection(undefined, 'cy', now - 60)
    const watch = await watchRevocations(
      relayRegistry(dataDir),
      [revokedOne, sameUserOtherToken, oldToken, otherUser],
      log,
    )
    const verify = watch.guard(await createTokenVerifier(SECRET))
    const request = { name: 'x', course: 'c1', role: 'author', ttlSeconds: 600 } as const
    const t1 = await mintToken(SECRET, { ...request, user: 'ada', id: 't1' }, now)
    const legacy = await mintToken(SECRET, { ...request, user: 'bo' }, now - 60)
    await expect(verify(t1, course)).resolves.toMatchObject({ ok: true, value: { jti: 't1', iat: now } })

    await asCli(dataDir, async (registry) => {
      await registry.revokeToken(
        { ...request, id: 't1', user: 'ada', issuedAt: now, expiresAt: now + 600 },
        now,
      )
      await registry.revokeUser('bo', now)
    })
    const refused = { ok: false, error: { status: 401, reason: 'token revoked' } }
    await expect(verify(t1, course)).resolves.toEqual(refused)
    await expect(verify(legacy, course)).resolves.toEqual(refused)
    await expect(
      verify(await mintToken(SECRET, { ...request, user: 'ada', id: 't2' }), course),
    ).resolves.toMatchObject({ ok: true })
    expect([revokedOne, sameUserOtherToken, oldToken, otherUser].map((c) => c.closed)).toEqual([
      CloseCode.TokenRevoked,
      null,
      CloseCode.TokenRevoked,
      null,
    ])
    watch.stop()
  })

  it('finds new revocations on its own within one poll, and knows old ones after a restart', async () => {
    vi.useFakeTimers()
    const dataDir = scratchDir('watch')
    const open = connection('t1', 'ada', 1_000)
    const watch = await watchRevocations(relayRegistry(dataDir), [open], log)
    await asCli(dataDir, (registry) => registry.revokeUser('ada', 1_000))
    await vi.advanceTimersByTimeAsync(REVOCATION_POLL_MS - 1)
    expect(open.closed).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(open.closed).toBe(CloseCode.TokenRevoked)
    watch.stop()

    const restarted = await watchRevocations(relayRegistry(dataDir), [], log)
    const verify = restarted.guard(await createTokenVerifier(SECRET))
    const now = Math.floor(Date.now() / 1000)
    const fresh = await mintToken(
      SECRET,
      { user: 'ada', name: 'x', course: 'c1', role: 'author', ttlSeconds: 60 },
      now,
    )
    await expect(verify(fresh, course)).resolves.toMatchObject({ ok: true })
    await asCli(dataDir, (registry) => registry.revokeUser('ada', now))
    restarted.stop()
    const again = await watchRevocations(relayRegistry(dataDir), [], log)
    await expect(again.guard(await createTokenVerifier(SECRET))(fresh, course)).resolves.toMatchObject({
      error: { status: 401, reason: 'token revoked' },
    })
    again.stop()
  })
})
