/**
 * The token registry in a real, throwaway PostgreSQL (real-servers.ts), as a cluster of relays uses it: the
 * command line (the bundle, run as an operator runs it) mints, lists and revokes with `--postgres`, and the
 * revocation watch of every relay instance — each with its own connections — closes what a revocation covers.
 */
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CourseId } from '../../shared/course/types'
import { CloseCode } from '../../shared/protocol/close-codes'
import { createTokenVerifier } from '../../relay-server/src/auth'
import { createLogger } from '../../relay-server/src/log'
import { openPostgres, type Postgres } from '../../relay-server/src/postgres/connect'
import { openPostgresTokenRegistry } from '../../relay-server/src/postgres/token-registry'
import type { TokenRegistry } from '../../relay-server/src/tokens/registry'
import {
  REVOCATION_POLL_MS,
  watchRevocations,
  type Revocable,
  type RevocationWatch,
} from '../../relay-server/src/tokens/revocation-watch'
import { startPostgres, type RealServer } from './real-servers'
import { killRelays, openRaw, runCli, SECRET, startRelay, tempDir } from './relay-harness'

const COURSE = 'pgTokensCourse'
const JWT = /[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/
/** Trust authentication ignores it, so a URL carrying it works; no message may ever show it. */
const PASSWORD = 'never-printed-pw'
const log = createLogger('silent')

let postgres: RealServer
let url: string
const pools: Postgres[] = []

beforeAll(async () => {
  postgres = await startPostgres()
  url = postgres.url.replace('chorus@', `chorus:${PASSWORD}@`)
}, 60_000)

afterAll(async () => {
  await killRelays()
  await Promise.all(pools.map((pool) => pool.end()))
  await postgres?.dispose()
})

/** A relay instance's view of the registry: a pool of its own. */
const instanceRegistry = async (): Promise<TokenRegistry> => {
  const pool = await openPostgres(url, () => {})
  pools.push(pool)
  return openPostgresTokenRegistry(pool)
}

const token = (id: string, user: string, issuedAt: number) => ({
  id,
  user,
  name: `${user} name`,
  course: 'c1',
  role: 'author',
  issuedAt,
  expiresAt: issuedAt + 3600,
})

/** The command line on the PostgreSQL registry; no run may print the URL's password. */
const cli = async (args: readonly string[], env: Record<string, string | undefined> = {}) => {
  const result = await runCli(args, {
    CHORUS_RELAY_POSTGRES_URL: undefined,
    CHORUS_RELAY_DATA: undefined,
    ...env,
  })
  expect(result.stdout + result.stderr).not.toContain(PASSWORD)
  return result
}

const mint = async (user: string): Promise<string> => {
  const result = await cli(
    [
      'token',
      '--course',
      COURSE,
      '--role',
      'author',
      '--name',
      `${user} tester`,
      '--user',
      user,
      '--postgres',
      url,
    ],
    { CHORUS_RELAY_SECRET: SECRET },
  )
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' })
  return result.stdout.trim()
}

/** An open connection as the watch sees it; `closed` records the close code it was sent. */
const connection = (jwt: string) => {
  const claims = decodeJwt(jwt)
  const c = {
    tokenId: claims.jti,
    user: String(claims.sub),
    issuedAt: claims.iat ?? 0,
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

describe('token registry in PostgreSQL', () => {
  it('records, lists and revokes, numbering revocations for readers on other connections', async () => {
    const [writer, reader] = await Promise.all([instanceRegistry(), instanceRegistry()])
    const before = (await reader.revocationsAfter(0)).at(-1)?.seq ?? 0
    await writer.record(token('r-b', 'bo', 2_000))
    await writer.record(token('r-a', 'ada', 1_000))
    await writer.record({ ...token('r-a', 'ada', 1_000), name: 'changed' })
    expect((await reader.list()).filter((t) => t.id.startsWith('r-'))).toEqual([
      token('r-a', 'ada', 1_000),
      token('r-b', 'bo', 2_000),
    ])
    expect(await writer.revokeToken(token('r-a', 'ada', 1_000), 5_000)).toBe(true)
    expect(await reader.revokeToken(token('r-a', 'ada', 1_000), 6_000)).toBe(false)
    await writer.revokeUser('bo', 7_000)
    // A token minted elsewhere is recorded when it is revoked.
    expect(await writer.revokeToken(token('r-c', 'cy', 3_000), 8_000)).toBe(true)
    expect((await reader.list()).map((t) => t.id)).toContain('r-c')
    const fresh = await reader.revocationsAfter(before)
    expect(fresh).toEqual([
      { seq: before + 1, at: 5_000, kind: 'token', tokenId: 'r-a' },
      { seq: before + 2, at: 7_000, kind: 'user', user: 'bo' },
      { seq: before + 3, at: 8_000, kind: 'token', tokenId: 'r-c' },
    ])
    expect(await reader.revocationsAfter(before + 2)).toEqual([fresh[2]])
    expect(await reader.revocationsAfter(before + 3)).toEqual([])
  })

  it('mints, lists and revokes from the command line, and every relay instance closes what a revocation covers', async () => {
    const [ada, bo, cy] = [await mint('ada'), await mint('bo'), await mint('cy')]
    const adaId = String(decodeJwt(ada).jti)
    const listed = await cli(['tokens', '--postgres', url])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain(`Token registry in PostgreSQL ${url.replace(`:${PASSWORD}`, '')}`)
    expect(listed.stdout).not.toMatch(JWT)
    expect(listed.stdout).toMatch(
      new RegExp(`${adaId}\\s+ada\\s+ada tester\\s+${COURSE}\\s+author\\s.*active`),
    )

    // Two relay instances, each with a connection of every user.
    const instances = await Promise.all(
      [1, 2].map(async () => {
        const connections = [connection(ada), connection(bo), connection(cy)]
        const watch = await watchRevocations(await instanceRegistry(), connections, log)
        return { connections, watch }
      }),
    )
    const closed = () => instances.map(({ connections }) => connections.map((c) => c.closed))
    const stopAll = (watches: readonly RevocationWatch[]) => watches.forEach((watch) => watch.stop())
    try {
      const revokedAda = await cli(['revoke', '--postgres', url, '--token', ada])
      expect(revokedAda.code, revokedAda.stderr).toBe(0)
      expect(revokedAda.stdout).toContain(`Revoked token ${adaId}`)
      const started = Date.now()
      await expect.poll(closed, { timeout: REVOCATION_POLL_MS + 2_000, interval: 100 }).toEqual([
        [CloseCode.TokenRevoked, null, null],
        [CloseCode.TokenRevoked, null, null],
      ])
      expect(Date.now() - started).toBeLessThanOrEqual(REVOCATION_POLL_MS + 2_000)
      // A token check on any instance refuses it at once, without waiting for a poll.
      const verify = instances[1]?.watch.guard(await createTokenVerifier(SECRET))
      await expect(verify?.(ada, COURSE as CourseId)).resolves.toEqual({
        ok: false,
        error: { status: 401, reason: 'token revoked' },
      })

      // Through the environment variable, as a deployment's shell has it.
      const revokedBo = await cli(['revoke', '--sub', 'bo'], { CHORUS_RELAY_POSTGRES_URL: url })
      expect(revokedBo.code, revokedBo.stderr).toBe(0)
      expect(revokedBo.stdout).toContain('Revoked every token of user bo')
      await expect.poll(closed, { timeout: REVOCATION_POLL_MS + 2_000, interval: 100 }).toEqual([
        [CloseCode.TokenRevoked, CloseCode.TokenRevoked, null],
        [CloseCode.TokenRevoked, CloseCode.TokenRevoked, null],
      ])
      await expect(verify?.(cy, COURSE as CourseId)).resolves.toMatchObject({ ok: true })
    } finally {
      stopAll(instances.map(({ watch }) => watch))
    }

    const after = await cli(['tokens'], { CHORUS_RELAY_POSTGRES_URL: url })
    const status = (jwt: string): string | undefined =>
      after.stdout
        .split('\n')
        .find((line) => line.startsWith(String(decodeJwt(jwt).jti)))
        ?.split(/\s{2,}/)
        .at(-1)
    expect([ada, bo, cy].map(status)).toEqual(['revoked', 'revoked', 'active'])
    expect(after.stdout).toMatch(/Users revoked[^\n]*\n[^\n]*\nbo\s+\d{4}-/)
  }, 120_000)

  it("closes a revoked token's connections on two relay processes sharing the database", async () => {
    const [dee, eve] = [await mint('dee'), await mint('eve')]
    const relays = await Promise.all([1, 2].map(() => startRelay({ args: ['--postgres', postgres.url] })))
    const sockets = relays.map((relay) => ({
      dee: openRaw(relay.url, COURSE, dee),
      eve: openRaw(relay.url, COURSE, eve),
    }))
    await Promise.all(sockets.flatMap(({ dee, eve }) => [dee.opened, eve.opened]))
    const started = Date.now()
    expect((await cli(['revoke', '--postgres', url, '--token', dee])).code).toBe(0)
    for (const { dee: socket } of sockets)
      expect(await socket.ended).toMatchObject({ code: CloseCode.TokenRevoked })
    expect(Date.now() - started).toBeLessThan(REVOCATION_POLL_MS + 2_000)
    for (const relay of relays) {
      const refused = await openRaw(relay.url, COURSE, dee).ended
      expect(refused).toMatchObject({ status: 401, body: expect.stringContaining('token revoked') })
    }
    for (const { eve: socket } of sockets) expect(socket.ws.readyState).toBe(socket.ws.OPEN)
  }, 60_000)

  it('refuses --data beside a PostgreSQL URL, and names an unreachable server without its password', async () => {
    const dataDir = tempDir()
    const [both, dataAndEnv, help] = await Promise.all([
      cli(['tokens', '--data', dataDir, '--postgres', url]),
      cli(['revoke', '--data', dataDir, '--sub', 'ada'], { CHORUS_RELAY_POSTGRES_URL: url }),
      cli(['revoke', '--help']),
    ])
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('--data and --postgres both name a store')
    expect(both.stderr).toContain('Usage: npm run relay -- tokens')
    expect(dataAndEnv.code).toBe(2)
    expect(dataAndEnv.stderr).toContain('--data and CHORUS_RELAY_POSTGRES_URL both name a store')
    expect(help.stdout).toContain('--postgres URL')

    const unreachable = `postgres://chorus:${PASSWORD}@127.0.0.1:1/chorus`
    const [minted, listed] = await Promise.all([
      cli(['token', '--course', COURSE, '--role', 'author', '--name', 'N', '--postgres', unreachable], {
        CHORUS_RELAY_SECRET: SECRET,
      }),
      cli(['tokens', '--postgres', unreachable]),
    ])
    expect(minted.code).toBe(1)
    expect(minted.stdout).toBe('')
    expect(minted.stderr).toContain('could not record the token, so none was printed')
    expect(listed.code).toBe(1)
    expect(listed.stderr).toContain('cannot reach PostgreSQL at postgres://chorus@127.0.0.1:1/chorus')
  }, 60_000)
})
