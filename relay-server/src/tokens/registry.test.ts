import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTokenRegistry, TOKENS_FILE, withTokenRegistry } from './registry'

const dir = (): string => mkdtempSync(join(tmpdir(), 'chorus-tokens-'))
const token = (id: string, user = 'ada', issuedAt = 1_000) => ({
  id,
  user,
  name: `${user} name`,
  course: 'c1',
  role: 'author',
  issuedAt,
  expiresAt: issuedAt + 3600,
})

describe('token registry', () => {
  it('records tokens once each and lists them oldest first, across reopening', () => {
    const dataDir = dir()
    withTokenRegistry(dataDir, {}, (registry) => {
      registry.record(token('b', 'bo', 2_000))
      registry.record(token('a', 'ada', 1_000))
      registry.record({ ...token('a', 'ada', 1_000), name: 'changed' })
    })
    const reopened = openTokenRegistry(dataDir)
    expect(reopened.list()).toEqual([token('a', 'ada', 1_000), token('b', 'bo', 2_000)])
    reopened.close()
  })

  it('numbers revocations so a reader can ask only for those it has not seen', () => {
    const registry = openTokenRegistry(dir())
    expect(registry.revokeToken(token('a'), 5_000)).toBe(true)
    expect(registry.revokeToken(token('a'), 6_000)).toBe(false)
    registry.revokeUser('bo', 7_000)
    const all = registry.revocationsAfter(0)
    expect(all).toEqual([
      { seq: 1, at: 5_000, kind: 'token', tokenId: 'a' },
      { seq: 2, at: 7_000, kind: 'user', user: 'bo' },
    ])
    expect(registry.revocationsAfter(1)).toEqual([all[1]])
    expect(registry.revocationsAfter(2)).toEqual([])
    registry.close()
  })

  it('records a token it did not mint when that token is revoked', () => {
    const registry = openTokenRegistry(dir())
    registry.revokeToken(token('minted-elsewhere', 'cy'), 5_000)
    expect(registry.list()).toEqual([token('minted-elsewhere', 'cy')])
    registry.close()
  })

  it('sees what another connection (another process) wrote, while staying open', () => {
    const dataDir = dir()
    const relay = openTokenRegistry(dataDir, { busyTimeoutMs: 0 })
    expect(relay.revocationsAfter(0)).toEqual([])
    withTokenRegistry(dataDir, {}, (cli) => cli.revokeUser('ada', 9_000))
    expect(relay.revocationsAfter(0)).toMatchObject([{ kind: 'user', user: 'ada', at: 9_000 }])
    relay.close()
  })

  it('refuses a missing registry when asked to, and a file written by a newer relay', () => {
    const dataDir = dir()
    expect(() => openTokenRegistry(join(dataDir, 'typo'), { mustExist: true })).toThrow(
      /no token registry at/,
    )
    openTokenRegistry(dataDir).close()
    const db = new Database(join(dataDir, TOKENS_FILE))
    db.pragma('user_version = 99')
    db.close()
    expect(() => openTokenRegistry(dataDir)).toThrow(/newer relay/)
  })
})
