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
}

const NUMBERS = {
  port: { min: 0, max: 65_535, fallback: 1234 },
  'max-message-bytes': { min: 1024, max: 1 << 30, fallback: 16 * 1024 * 1024 },
  'max-connections': { min: 1, max: 1_000_000, fallback: 10_000 },
  'max-room-connections': { min: 1, max: 1_000_000, fallback: 500 },
  'max-media-bytes': { min: 1, max: 2 ** 40, fallback: 200 * 1024 * 1024 },
  'room-idle-ms': { min: 0, max: 86_400_000, fallback: 30_000 },
  'compact-every': { min: 2, max: 1_000_000, fallback: 500 },
  'store-retry-ms': { min: 100, max: 3_600_000, fallback: 5_000 },
} as const
type NumberFlag = keyof typeof NUMBERS

const STRINGS = { host: '127.0.0.1', data: 'relay-data', 'log-level': 'info' } as const
type StringFlag = keyof typeof STRINGS

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** `--max-room-connections` ↔ `CHORUS_RELAY_MAX_ROOM_CONNECTIONS`: every flag has an environment twin. */
export const envName = (flag: string): string => `CHORUS_RELAY_${flag.toUpperCase().replace(/-/g, '_')}`

export const SERVE_USAGE = `Usage: npm run relay -- [--host 127.0.0.1] [--port 1234] [--data relay-data]
  [--max-message-bytes N] [--max-connections N] [--max-room-connections N] [--max-media-bytes N]
  [--room-idle-ms N] [--compact-every N] [--store-retry-ms N] [--log-level info] [--open]
Each flag can also be set as an environment variable, e.g. --max-connections as ${envName('max-connections')}.
Tokens are checked with ${'CHORUS_RELAY_SECRET'} (required). --open disables tokens for local experiments only.`

const options = {
  ...Object.fromEntries(
    [...Object.keys(NUMBERS), ...Object.keys(STRINGS)].map((flag) => [flag, { type: 'string' as const }]),
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
      },
      roomIdleMs: numbers['room-idle-ms'],
      compactEvery: numbers['compact-every'],
      storeRetryMs: numbers['store-retry-ms'],
      logLevel: strings['log-level'],
    },
  }
}
