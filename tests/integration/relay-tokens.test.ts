import { decodeJwt } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/close-codes'
import type { Role } from '../../shared/protocol/token'
import {
  connectClient,
  destroyClients,
  killRelays,
  openRaw,
  runCli,
  SECRET,
  startRelay,
  tempDir,
  tokenFor,
  type RelayProcess,
} from './relay-harness'

afterEach(async () => {
  destroyClients()
  await killRelays()
})

const COURSE = 'tokensCourse1'
const HASH = 'ab'.repeat(32)
const JWT = /[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/

const mint = async (dataDir: string, user: string, role: Role, ttl = '1d'): Promise<string> => {
  const { code, stdout, stderr } = await runCli(
    [
      'token',
      '--course',
      COURSE,
      '--role',
      role,
      '--name',
      `${user} tester`,
      '--user',
      user,
      '--ttl',
      ttl,
      '--data',
      dataDir,
    ],
    { CHORUS_RELAY_SECRET: SECRET },
  )
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  return stdout.trim()
}

/** The status a media GET gets: 404 for a token the relay accepts (it holds no such blob), 401 for a refused one. */
const mediaStatus = async (relay: RelayProcess, token: string): Promise<number> => {
  const response = await fetch(
    `${relay.url.replace(/^ws/, 'http')}/media/${COURSE}/${HASH}?token=${encodeURIComponent(token)}`,
  )
  await response.arrayBuffer()
  return response.status
}

/** Opens a raw connection and waits until the relay accepted it. */
const connected = async (relay: RelayProcess, token: string) => {
  const socket = openRaw(relay.url, COURSE, token)
  await socket.opened
  return socket
}

const expectRefusedAsRevoked = async (relay: RelayProcess, token: string): Promise<void> => {
  const refused = await openRaw(relay.url, COURSE, token).ended
  expect(refused).toMatchObject({ status: 401, body: expect.stringContaining('token revoked') })
  expect(await mediaStatus(relay, token)).toBe(401)
}

describe('token registry and revocation', () => {
  it('records minted tokens, revokes one token or one user, and the running relay enforces it', async () => {
    const dataDir = tempDir()
    const [ada, bo, cy] = await Promise.all([
      mint(dataDir, 'ada', 'author'),
      mint(dataDir, 'bo', 'viewer'),
      mint(dataDir, 'cy', 'author'),
    ])
    // A token minted the old way, never recorded and without an id: only a revocation of its user reaches it.
    const boLegacy = await tokenFor(COURSE, 'viewer', { user: 'bo' })
    expect(decodeJwt(boLegacy).jti).toBeUndefined()
    const adaId = String(decodeJwt(ada).jti)

    const listed = await runCli(['tokens', '--data', dataDir], {})
    expect(listed.code).toBe(0)
    expect(listed.stdout).not.toMatch(JWT)
    const adaRow = listed.stdout.split('\n').find((line) => line.startsWith(adaId))
    expect(adaRow?.split(/\s{2,}/)).toEqual([
      adaId,
      'ada',
      'ada tester',
      COURSE,
      'author',
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
      'active',
    ])

    const relay = await startRelay({ dataDir })
    const cyClient = connectClient(relay.url, COURSE, cy)
    await cyClient.synced()
    const adaSocket = await connected(relay, ada)
    const boSocket = await connected(relay, bo)
    const boLegacySocket = await connected(relay, boLegacy)
    expect(await mediaStatus(relay, ada)).toBe(404)

    const revokedAda = await runCli(['revoke', '--data', dataDir, '--token', ada], {})
    expect(revokedAda.code).toBe(0)
    expect(revokedAda.stdout).toContain(`Revoked token ${adaId}`)
    expect(revokedAda.stdout).not.toMatch(JWT)
    const started = Date.now()
    expect(await adaSocket.ended).toMatchObject({ code: CloseCode.TokenRevoked })
    expect(Date.now() - started).toBeLessThan(30_000)
    await expectRefusedAsRevoked(relay, ada)

    const revokedBo = await runCli(['revoke', '--data', dataDir, '--sub', 'bo'], {})
    expect(revokedBo.code).toBe(0)
    expect(revokedBo.stdout).toContain('Revoked every token of user bo')
    expect(await boSocket.ended).toMatchObject({ code: CloseCode.TokenRevoked })
    expect(await boLegacySocket.ended).toMatchObject({ code: CloseCode.TokenRevoked })
    await expectRefusedAsRevoked(relay, bo)
    await expectRefusedAsRevoked(relay, boLegacy)

    // Another user's token keeps working: its connection stayed open and it can connect and fetch again.
    expect(cyClient.provider.wsconnected).toBe(true)
    const cyAgain = await connected(relay, cy)
    cyAgain.ws.close()
    expect(await mediaStatus(relay, cy)).toBe(404)

    const after = await runCli(['tokens', '--data', dataDir], {})
    const status = (id: unknown): string | undefined =>
      after.stdout
        .split('\n')
        .find((line) => line.startsWith(String(id)))
        ?.split(/\s{2,}/)
        .at(-1)
    expect([adaId, decodeJwt(bo).jti, decodeJwt(cy).jti].map(status)).toEqual([
      'revoked',
      'revoked',
      'active',
    ])
    expect(after.stdout).toMatch(/Users revoked[^\n]*\n[^\n]*\nbo\s+\d{4}-/)
    await expect
      .poll(() => relay.logs.find((line) => line.event === 'tokens-revoked'), { timeout: 5_000 })
      .toBeDefined()
    expect(JSON.stringify(relay.logs)).not.toMatch(JWT)
  }, 120_000)

  it('revokes a token the registry never saw, and explains why a token without an id needs --sub', async () => {
    const dataDir = tempDir()
    await mint(dataDir, 'ada', 'author')
    // Minted with an id, but recorded in another data directory's registry.
    const elsewhere = await mint(tempDir(), 'dee', 'author')
    const legacy = await tokenFor(COURSE, 'author', { user: 'eve' })
    const [revoked, refused, garbage] = await Promise.all([
      runCli(['revoke', '--data', dataDir, '--token', elsewhere], {}),
      runCli(['revoke', '--data', dataDir, '--token', legacy], {}),
      runCli(['revoke', '--data', dataDir, '--token', 'not-a-token'], {}),
    ])
    expect(revoked.code).toBe(0)
    const listed = await runCli(['tokens', '--data', dataDir], {})
    expect(listed.stdout).toMatch(new RegExp(`${String(decodeJwt(elsewhere).jti)}\\s+dee\\s.*revoked`))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`--sub eve`)
    expect(garbage.code).toBe(2)
    expect(garbage.stderr).toContain('Usage: npm run relay -- revoke')
  }, 120_000)

  it('refuses a bad command line with usage, a registry that is not there, and a --ttl over 365 days', async () => {
    const dataDir = tempDir()
    const tokenArgs = ['token', '--course', COURSE, '--role', 'author', '--name', 'N', '--data', dataDir]
    const [tooLong, yearLong, both, neither, missing, help] = await Promise.all([
      runCli([...tokenArgs, '--ttl', '366d'], { CHORUS_RELAY_SECRET: SECRET }),
      runCli([...tokenArgs, '--ttl', '365d'], { CHORUS_RELAY_SECRET: SECRET }),
      runCli(['revoke', '--data', dataDir, '--sub', 'a', '--token', 'b'], {}),
      runCli(['revoke', '--data', dataDir], {}),
      runCli(['tokens', '--data', `${dataDir}/typo`], {}),
      runCli(['tokens', '--help'], {}),
    ])
    expect(tooLong.code).toBe(2)
    expect(tooLong.stdout).toBe('')
    expect(tooLong.stderr).toContain('--ttl may be at most 365d')
    expect(yearLong.code).toBe(0)
    const claims = decodeJwt(yearLong.stdout.trim())
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(365 * 86_400)
    for (const bad of [both, neither]) {
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain('give exactly one of --token and --sub')
      expect(bad.stderr).toContain('Usage: npm run relay -- revoke')
    }
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no token registry at')
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: npm run relay -- tokens') })
  }, 120_000)
})
