import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { jwtVerify } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'
import { parseInvite } from '../../shared/protocol/invite'
import {
  connectClient,
  destroyClients,
  killRelays,
  runCli,
  SECRET,
  startRelay,
  tempDir,
} from './relay-harness'

afterEach(async () => {
  destroyClients()
  await killRelays()
})

const secretKey = new TextEncoder().encode(SECRET)

describe('relay command line', () => {
  it('prints a signed token alone on one line', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'token',
        '--course',
        'cliCourse',
        '--role',
        'reviewer',
        '--name',
        'Ada Lovelace',
        '--ttl',
        '2h',
        '--user',
        'ada',
        '--data',
        tempDir(),
      ],
      { CHORUS_RELAY_SECRET: SECRET },
    )
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/)
    const { payload } = await jwtVerify(stdout.trim(), secretKey)
    expect(payload).toMatchObject({ sub: 'ada', name: 'Ada Lovelace', course: 'cliCourse', role: 'reviewer' })
    const lifetime = (payload.exp ?? 0) - Date.now() / 1000
    expect(lifetime).toBeGreaterThan(7190)
    expect(lifetime).toBeLessThan(7210)
  })

  it('prints an invite link the app can parse', async () => {
    const { code, stdout } = await runCli(
      [
        'token',
        '--course',
        'cliCourse',
        '--role',
        'author',
        '--name',
        'Bo',
        '--invite',
        'wss://relay.example.org/',
        '--data',
        tempDir(),
      ],
      { CHORUS_RELAY_SECRET: SECRET },
    )
    expect(code).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    const invite = parseInvite(stdout)
    expect(invite).toMatchObject({
      ok: true,
      value: { relay: 'wss://relay.example.org', courseId: 'cliCourse' },
    })
    if (invite.ok)
      await expect(jwtVerify(invite.value.token, secretKey)).resolves.toMatchObject({
        payload: { role: 'author', name: 'Bo' },
      })
  })

  it('fails clearly without a secret, with a short secret and with bad arguments', async () => {
    const tokenArgs = ['token', '--course', 'c', '--role', 'author', '--name', 'N']
    // Independent processes: run them side by side to keep the suite quick.
    const [missing, short, badRole, serve, badFlag] = await Promise.all([
      runCli(tokenArgs, {}),
      runCli(tokenArgs, { CHORUS_RELAY_SECRET: 'too-short' }),
      runCli(['token', '--course', 'c', '--role', 'admin', '--name', 'N'], { CHORUS_RELAY_SECRET: SECRET }),
      runCli(['--port', '0', '--data', tempDir()], {}),
      runCli(['--port', 'many'], { CHORUS_RELAY_SECRET: SECRET }),
    ])
    expect(missing.code).not.toBe(0)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toContain('CHORUS_RELAY_SECRET is not set')
    expect(short.code).not.toBe(0)
    expect(short.stderr).toContain('at least 32')
    expect(badRole.code).not.toBe(0)
    expect(badRole.stderr).toContain('--role must be one of author, reviewer, viewer')
    expect(serve.code).not.toBe(0)
    expect(serve.stderr).toContain('CHORUS_RELAY_SECRET is not set')
    expect(serve.stderr).toContain('--open')
    expect(badFlag.code).not.toBe(0)
    expect(badFlag.stderr).toContain('--port (CHORUS_RELAY_PORT) must be a whole number')
  })

  it('reports a data directory it cannot use and exits non-zero', async () => {
    const file = join(tempDir(), 'not-a-directory')
    writeFileSync(file, 'x')
    const result = await runCli(['--port', '0', '--data', file], { CHORUS_RELAY_SECRET: SECRET })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('failed to start')
  })

  it('takes its settings from the environment', async () => {
    const relay = await startRelay({ env: { CHORUS_RELAY_MAX_ROOM_CONNECTIONS: '7' } })
    expect(relay.logs.find((line) => line.event === 'listening')).toMatchObject({
      limits: { maxRoomConnections: 7 },
    })
  })

  it('runs without tokens only with an explicit --open, and says so loudly', async () => {
    const relay = await startRelay({ args: ['--open'], env: { CHORUS_RELAY_SECRET: '' } })
    expect(relay.logs.find((line) => line.event === 'open-mode')).toBeDefined()
    expect(relay.logs.find((line) => line.event === 'listening')).toMatchObject({ auth: 'open' })
    const client = connectClient(relay.url, 'openCourse', null)
    await client.synced()
  })
})
