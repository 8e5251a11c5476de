import { describe, expect, it } from 'vitest'
import { readConfig } from './config'

const env = { CHORUS_RELAY_SECRET: 's'.repeat(40) }

describe('readConfig', () => {
  it('has safe defaults: loopback, tokens on', () => {
    expect(readConfig([], env)).toMatchObject({
      ok: true,
      value: {
        host: '127.0.0.1',
        port: 1234,
        dataDir: 'relay-data',
        auth: { mode: 'token' },
        limits: { maxMessageBytes: 16 * 1024 * 1024, maxRoomConnections: 500 },
      },
    })
  })

  it('keeps everything in SQLite unless given PostgreSQL, and Redis only beside PostgreSQL', () => {
    expect(readConfig([], env)).toMatchObject({ value: { postgresUrl: null, redisUrl: null } })
    const pg = 'postgres://chorus@db:5432/chorus'
    expect(
      readConfig(['--redis', 'redis://cache:6379'], { ...env, CHORUS_RELAY_POSTGRES_URL: pg }),
    ).toMatchObject({ ok: true, value: { postgresUrl: pg, redisUrl: 'redis://cache:6379' } })
    expect(readConfig([], { ...env, CHORUS_RELAY_REDIS_URL: 'redis://cache' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('--redis needs --postgres'),
    })
    expect(readConfig(['--postgres', 'http://db/chorus'], env)).toMatchObject({
      ok: false,
      error: expect.stringContaining('must be a postgres:// or postgresql:// URL'),
    })
    expect(readConfig(['--postgres', pg, '--redis', 'db:6379'], env)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--redis (CHORUS_RELAY_REDIS_URL) must be a redis:// or rediss:// URL'),
    })
  })

  it('lets flags win over environment variables', () => {
    const result = readConfig(['--port', '4000', '--max-connections', '9'], {
      ...env,
      CHORUS_RELAY_PORT: '3000',
      CHORUS_RELAY_HOST: '0.0.0.0',
      CHORUS_RELAY_MAX_CONNECTIONS: '5',
    })
    expect(result).toMatchObject({
      ok: true,
      value: { port: 4000, host: '0.0.0.0', limits: { maxConnections: 9 } },
    })
  })

  it('limits media uploads to 200 MiB unless told otherwise, by flag or environment', () => {
    expect(readConfig([], env)).toMatchObject({ value: { limits: { maxMediaBytes: 200 * 1024 * 1024 } } })
    expect(readConfig([], { ...env, CHORUS_RELAY_MAX_MEDIA_BYTES: '1000' })).toMatchObject({
      value: { limits: { maxMediaBytes: 1000 } },
    })
    expect(readConfig(['--max-media-bytes', '0'], env)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--max-media-bytes'),
    })
  })

  it('limits presence states to 16 KiB unless told otherwise, by flag or environment', () => {
    expect(readConfig([], env)).toMatchObject({ value: { limits: { maxPresenceBytes: 16 * 1024 } } })
    expect(readConfig([], { ...env, CHORUS_RELAY_MAX_PRESENCE_BYTES: '4096' })).toMatchObject({
      value: { limits: { maxPresenceBytes: 4096 } },
    })
    expect(readConfig(['--max-presence-bytes', '10'], env)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--max-presence-bytes'),
    })
  })

  it('bounds what one connection may cost, by default and by flag or environment', () => {
    expect(readConfig([], env)).toMatchObject({
      value: {
        limits: {
          maxUnsentBytes: 8 * 1024 * 1024,
          maxMessagesPerSecond: 200,
          messageBurst: 2_000,
          maxBytesPerSecond: 4 * 1024 * 1024,
          byteBurst: 32 * 1024 * 1024,
          maxTokenRoomConnections: 16,
          maxAddressConnections: 256,
          loopbackExempt: true,
        },
      },
    })
    expect(
      readConfig(['--max-token-room-connections', '4'], { ...env, CHORUS_RELAY_MAX_UNSENT_BYTES: '1048576' }),
    ).toMatchObject({ value: { limits: { maxTokenRoomConnections: 4, maxUnsentBytes: 1024 * 1024 } } })
  })

  it('never opens up without the explicit flag', () => {
    expect(readConfig([], {})).toMatchObject({ ok: false, error: expect.stringContaining('--open') })
    expect(readConfig([], { CHORUS_RELAY_OPEN: '1' })).toMatchObject({ ok: false })
    expect(readConfig(['--open'], {})).toMatchObject({ ok: true, value: { auth: { mode: 'open' } } })
  })

  it('rejects unknown flags and out-of-range numbers', () => {
    expect(readConfig(['--prot', '1'], env)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Usage'),
    })
    expect(readConfig(['--max-message-bytes', '10'], env)).toMatchObject({
      ok: false,
      error: expect.stringContaining('from 1024'),
    })
    expect(readConfig(['--log-level', 'loud'], env)).toMatchObject({ ok: false })
  })
})
