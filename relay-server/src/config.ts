import { parseArgs } from 'node:util'
import type { Result } from '../../shared/errors'
import { secretFromEnv } from './auth'

export interface Limits {
  /** Largest frame a client may send; bigger ones close the connection with 1009. */
  readonly maxMessageBytes: number
  readonly maxConnections: number
  readonly maxRoomConnections: number
  /** Largest media blob an author may upload; bigger ones are answered 413. */
  readonly maxMediaBytes: number
  /** Largest presence (awareness) state a client may send, as JSON bytes; bigger ones close with 4413. */
  readonly maxPresenceBytes: number
  /** Bytes a connection may leave unread (plus one frame) before it is closed with 4508. */
  readonly maxUnsentBytes: number
  /** Token buckets per connection: past them the relay stops reading that socket until they refill. */
  readonly maxMessagesPerSecond: number
  readonly messageBurst: number
  readonly maxBytesPerSecond: number
  readonly byteBurst: number
  /** Connections one token may hold open to one room; more are closed with 4429. */
  readonly maxTokenRoomConnections: number
  /** Connections from one client address; more are closed with 4530. */
  readonly maxAddressConnections: number
  /** Whether loopback clients are left out of `maxAddressConnections` (a proxy on the same host is one address). */
  readonly loopbackExempt: boolean
}

export interface RelayConfig {
  readonly host: string
  /** 0 picks a free port. */
  readonly port: number
  readonly dataDir: string
  /** `open` accepts anyone as an author of any course: local experiments only. */
  readonly auth: { readonly mode: 'token'; readonly secret: string } | { readonly mode: 'open' }
  readonly limits: Limits
  /** How long a room without connections stays in memory. */
  readonly roomIdleMs: number
  /** Stored rows per room that trigger a background compaction into one. */
  readonly compactEvery: number
  /** How long after a failed store write the relay tries to save the room's whole state again. */
  readonly storeRetryMs: number
  readonly logLevel: string
  /** Where rooms, media and tokens live instead of `dataDir`: PostgreSQL, shared by every relay pointed at it. */
  readonly postgresUrl: string | null
  /** Redis, through which relays sharing one PostgreSQL pass each other updates and presence at once. */
  readonly redisUrl: string | null
}

const NUMBERS = {
  port: { min: 0, max: 65_535, fallback: 1234 },
  'max-message-bytes': { min: 1024, max: 1 << 30, fallback: 16 * 1024 * 1024 },
  'max-connections': { min: 1, max: 1_000_000, fallback: 10_000 },
  'max-room-connections': { min: 1, max: 1_000_000, fallback: 500 },
  'max-media-bytes': { min: 1, max: 2 ** 40, fallback: 200 * 1024 * 1024 },
  'max-unsent-bytes': { min: 64 * 1024, max: 2 ** 34, fallback: 8 * 1024 * 1024 },
  'max-messages-per-second': { min: 1, max: 1_000_000, fallback: 200 },
  'message-burst': { min: 1, max: 10_000_000, fallback: 2_000 },
  'max-bytes-per-second': { min: 1024, max: 2 ** 34, fallback: 4 * 1024 * 1024 },
  'byte-burst': { min: 1024, max: 2 ** 34, fallback: 32 * 1024 * 1024 },
  'max-token-room-connections': { min: 1, max: 1_000_000, fallback: 16 },
  'max-address-connections': { min: 1, max: 1_000_000, fallback: 256 },
  'max-presence-bytes': { min: 256, max: 1 << 20, fallback: 16 * 1024 },
  'room-idle-ms': { min: 0, max: 86_400_000, fallback: 30_000 },
  'compact-every': { min: 2, max: 1_000_000, fallback: 500 },
  'store-retry-ms': { min: 100, max: 3_600_000, fallback: 5_000 },
} as const
type NumberFlag = keyof typeof NUMBERS

/** Also where the token commands find the token registry. */
export const DEFAULT_DATA_DIR = 'relay-data'
const STRINGS = {
  host: '127.0.0.1',
  data: DEFAULT_DATA_DIR,
  'log-level': 'info',
  'address-cap-exempt': 'loopback',
} as const
type StringFlag = keyof typeof STRINGS

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
const ADDRESS_CAP_EXEMPTIONS = ['loopback', 'none']

/** The URLs' twins say what they hold, as operators name such variables. */
const URL_FLAGS = { postgres: 'CHORUS_RELAY_POSTGRES_URL', redis: 'CHORUS_RELAY_REDIS_URL' } as const
type UrlFlag = keyof typeof URL_FLAGS
const URL_SCHEMES: Record<UrlFlag, readonly string[]> = {
  postgres: ['postgres:', 'postgresql:'],
  redis: ['redis:', 'rediss:'],
}

/** `--max-room-connections` ↔ `CHORUS_RELAY_MAX_ROOM_CONNECTIONS`: every flag has an environment twin. */
export const envName = (flag: string): string =>
  flag in URL_FLAGS ? URL_FLAGS[flag as UrlFlag] : `CHORUS_RELAY_${flag.toUpperCase().replace(/-/g, '_')}`

export const SERVE_USAGE = `Usage: npm run relay -- [--host 127.0.0.1] [--port 1234] [--data relay-data]
  [--max-message-bytes N] [--max-connections N] [--max-room-connections N] [--max-media-bytes N]
  [--max-unsent-bytes N] [--max-messages-per-second N] [--message-burst N] [--max-bytes-per-second N]
  [--byte-burst N] [--max-token-room-connections N] [--max-address-connections N]
  [--address-cap-exempt loopback|none]
  [--max-presence-bytes N] [--room-idle-ms N] [--compact-every N] [--store-retry-ms N] [--log-level info] [--open]
  [--postgres URL [--redis URL]]
Each flag can also be set as an environment variable, e.g. --max-connections as ${envName('max-connections')},
--postgres as ${envName('postgres')}, --redis as ${envName('redis')}.
Without --postgres the relay keeps everything in --data (SQLite). With --postgres URL it keeps rooms, media and
tokens in PostgreSQL, and any number of relays pointed at it serve the same courses; add --redis URL so that they
pass each other updates at once (without it they find each other's updates by polling PostgreSQL every second).
Tokens are checked with ${'CHORUS_RELAY_SECRET'} (required). --open disables tokens for local experiments only.
Other commands (each with --help): token (mint a token or invite), tokens (list them), revoke (revoke one or a user's),
export (a stored course as a SCORM or web zip).`

const options = {
  ...Object.fromEntries(
    [...Object.keys(NUMBERS), ...Object.keys(STRINGS), ...Object.keys(URL_FLAGS)].map((flag) => [
      flag,
      { type: 'string' as const },
    ]),
  ),
  open: { type: 'boolean' as const },
}

const readNumber = (flag: NumberFlag, raw: string | undefined): Result<number, string> => {
  const { min, max, fallback } = NUMBERS[flag]
  if (raw === undefined) return { ok: true, value: fallback }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    return {
      ok: false,
      error: `--${flag} (${envName(flag)}) must be a whole number from ${min} to ${max}, got "${raw}"`,
    }
  }
  return { ok: true, value }
}

const readUrl = (flag: UrlFlag, raw: string | undefined): Result<string | null, string> => {
  if (raw === undefined) return { ok: true, value: null }
  let scheme: string
  try {
    scheme = new URL(raw).protocol
  } catch {
    scheme = ''
  }
  if (URL_SCHEMES[flag].includes(scheme)) return { ok: true, value: raw }
  return {
    ok: false,
    error: `--${flag} (${envName(flag)}) must be a ${URL_SCHEMES[flag].map((scheme) => `${scheme}//`).join(' or ')} URL, e.g. ${URL_SCHEMES[flag][0]}//host:port${flag === 'postgres' ? '/database' : ''}`,
  }
}

/** Flags win over environment variables, which win over defaults. */
export const readConfig = (argv: readonly string[], env: NodeJS.ProcessEnv): Result<RelayConfig, string> => {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    return { ok: false, error: `${error instanceof Error ? error.message : String(error)}\n${SERVE_USAGE}` }
  }
  const raw = (flag: string): string | undefined => {
    const value = values[flag]
    return typeof value === 'string' ? value : env[envName(flag)] || undefined
  }
  const numbers = {} as Record<NumberFlag, number>
  for (const flag of Object.keys(NUMBERS) as NumberFlag[]) {
    const result = readNumber(flag, raw(flag))
    if (!result.ok) return result
    numbers[flag] = result.value
  }
  const strings = {} as Record<StringFlag, string>
  for (const flag of Object.keys(STRINGS) as StringFlag[]) strings[flag] = raw(flag) ?? STRINGS[flag]
  if (!LOG_LEVELS.includes(strings['log-level']))
    return { ok: false, error: `--log-level must be one of ${LOG_LEVELS.join(', ')}` }
  if (!ADDRESS_CAP_EXEMPTIONS.includes(strings['address-cap-exempt']))
    return {
      ok: false,
      error: `--address-cap-exempt (${envName('address-cap-exempt')}) must be one of ${ADDRESS_CAP_EXEMPTIONS.join(', ')}`,
    }

  const postgresUrl = readUrl('postgres', raw('postgres'))
  if (!postgresUrl.ok) return postgresUrl
  const redisUrl = readUrl('redis', raw('redis'))
  if (!redisUrl.ok) return redisUrl
  if (redisUrl.value !== null && postgresUrl.value === null)
    return {
      ok: false,
      error: `--redis needs --postgres (${envName('postgres')}): relays sharing rooms keep them in PostgreSQL`,
    }

  let auth: RelayConfig['auth'] = { mode: 'open' }
  if (values.open !== true) {
    const secret = secretFromEnv(env)
    if (!secret.ok)
      return {
        ok: false,
        error: `${secret.error}\n(For a local experiment without tokens, pass --open explicitly.)`,
      }
    auth = { mode: 'token', secret: secret.value }
  }
  return {
    ok: true,
    value: {
      host: strings.host,
      port: numbers.port,
      dataDir: strings.data,
      auth,
      limits: {
        maxMessageBytes: numbers['max-message-bytes'],
        maxConnections: numbers['max-connections'],
        maxRoomConnections: numbers['max-room-connections'],
        maxMediaBytes: numbers['max-media-bytes'],
        maxPresenceBytes: numbers['max-presence-bytes'],
        maxUnsentBytes: numbers['max-unsent-bytes'],
        maxMessagesPerSecond: numbers['max-messages-per-second'],
        messageBurst: numbers['message-burst'],
        maxBytesPerSecond: numbers['max-bytes-per-second'],
        byteBurst: numbers['byte-burst'],
        maxTokenRoomConnections: numbers['max-token-room-connections'],
        maxAddressConnections: numbers['max-address-connections'],
        loopbackExempt: strings['address-cap-exempt'] === 'loopback',
      },
      roomIdleMs: numbers['room-idle-ms'],
      compactEvery: numbers['compact-every'],
      storeRetryMs: numbers['store-retry-ms'],
      logLevel: strings['log-level'],
      postgresUrl: postgresUrl.value,
      redisUrl: redisUrl.value,
    },
  }
}
