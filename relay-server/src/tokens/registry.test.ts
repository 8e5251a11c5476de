import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSqliteTokenRegistry, TOKENS_FILE, type TokenRegistry } from './registry'
import { scratchDir } from '../../../tests/fixtures/scratch-dir'

const dir = (): string => scratchDir('tokens')
const token = (id: string, user = 'ada', issuedAt = 1_000) => ({
  id,
  user,
  name: `${user} name`,
  course: 'c1',
  role: 'author',
  issuedAt,
  expiresAt: issuedAt + 3600,
})

/** Opens the registry as the command line does: for one use. */
const once = async (dataDir: string, use: (registry: TokenRegistry) => Promise<void>): Promise<void> => {
  const registry = openSqliteTokenRegistry(dataDir)
  try {
    await use(registry)
  } finally {
    registry.close()
  }
}

describe('token registry', () => {
  it('records tokens once each and lists them oldest first, across reopening', async () => {
    const dataDir = dir()
    await once(dataDir, async (registry) => {
      await registry.record(token('b', 'bo', 2_000))
      await registry.record(token('a', 'ada', 1_000))
      await registry.record({ ...token('a', 'ada', 1_000), name: 'changed' })
    })
    const reopened = openSqliteTokenRegistry(dataDir)
    expect(await reopened.list()).toEqual([token('a', 'ada', 1_000), token('b', 'bo', 2_000)])
    reopened.close()
  })

  it('numbers revocations so a reader can ask only for those it has not seen', async () => {
    const registry = openSqliteTokenRegistry(dir())
    expect(await registry.revokeToken(token('a'), 5_000)).toBe(true)
    expect(await registry.revokeToken(token('a'), 6_000)).toBe(false)
    await registry.revokeUser('bo', 7_000)
    const all = await registry.revocationsAfter(0)
    expect(all).toEqual([
      { seq: 1, at: 5_000, kind: 'token', tokenId: 'a' },
      { seq: 2, at: 7_000, kind: 'user', user: 'bo' },
    ])
    expect(await registry.revocationsAfter(1)).toEqual([all[1]])
    expect(await registry.revocationsAfter(2)).toEqual([])
    registry.close()
  })

  it('records a token it did not mint when that token is revoked', async () => {
    const registry = openSqliteTokenRegistry(dir())
    await registry.revokeToken(token('minted-elsewhere', 'cy'), 5_000)
    expect(await registry.list()).toEqual([token('minted-elsewhere', 'cy')])
    registry.close()
  })

  it('sees what another connection (another process) wrote, while staying open', async () => {
    const dataDir = dir()
    const relay = openSqliteTokenRegistry(dataDir, { busyTimeoutMs: 0 })
    expect(await relay.revocationsAfter(0)).toEqual([])
    await once(dataDir, (cli) => cli.revokeUser('ada', 9_000))
    expect(await relay.revocationsAfter(0)).toMatchObject([{ kind: 'user', user: 'ada', at: 9_000 }])
    relay.close()
  })

  it('refuses a missing registry when asked to, and a file written by a newer relay', () => {
    const dataDir = dir()
    expect(() => openSqliteTokenRegistry(join(dataDir, 'typo'), { mustExist: true })).toThrow(
      /no token registry at/,
    )
    openSqliteTokenRegistry(dataDir).close()
    const db = new Database(join(dataDir, TOKENS_FILE))
    db.pragma('user_version = 99')
    db.close()
    expect(() => openSqliteTokenRegistry(dataDir)).toThrow(/newer relay/)
  })
})
