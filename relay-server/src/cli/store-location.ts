import { err, ok, type Result } from '../../../shared/errors'
import { envName } from '../config'
import { describeUrl, openPostgres, type Postgres } from '../postgres/connect'
import { dataDirFrom } from './data-dir'

/** The environment's `--postgres`: the same variable the relay reads. */
export const POSTGRES_URL_ENV = envName('postgres')

/** The store a command works on: a relay's data directory (SQLite files) or the relays' PostgreSQL database. */
export type StoreLocation =
  { readonly kind: 'sqlite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string }

/** One line of --help, shared by every command that reads or writes the store. */
export const STORE_FLAGS_HELP = `--postgres URL (else ${POSTGRES_URL_ENV}) works on the relays' PostgreSQL database; otherwise
--data DIR (else CHORUS_RELAY_DATA, else relay-data) on a relay's data directory. Not both.`

/**
 * `--postgres` or its environment variable chooses PostgreSQL, as it does for the relay; else the data directory.
 * An explicit `--data` beside a PostgreSQL URL is refused rather than one of them silently ignored: a revocation
 * written to a store the relays do not read would leave the token working. CHORUS_RELAY_DATA alone does not
 * conflict: deployments set it as a default (the Docker image does) whatever the store.
 */
export const storeLocationFrom = (
  flags: { readonly data?: string | undefined; readonly postgres?: string | undefined },
  env: NodeJS.ProcessEnv,
): Result<StoreLocation> => {
  const fromEnv = env[POSTGRES_URL_ENV] || undefined
  const url = flags.postgres ?? fromEnv
  if (url === undefined) return ok({ kind: 'sqlite', dataDir: dataDirFrom(flags.data, env) })
  if (flags.data !== undefined)
    return err(
      'invalid-argument',
      `--data and ${flags.postgres === undefined ? POSTGRES_URL_ENV : '--postgres'} both name a store; give only one`,
    )
  if (url.trim() === '') return err('invalid-argument', '--postgres must be a postgres:// URL')
  return ok({ kind: 'postgres', url })
}

/** Where the store is, for messages: never a password. */
export const describeLocation = (location: StoreLocation): string =>
  location.kind === 'sqlite' ? location.dataDir : `PostgreSQL ${describeUrl(location.url)}`

/** The flag that names the store again, for a command a message suggests. */
export const locationFlag = (location: StoreLocation): string =>
  location.kind === 'sqlite' ? `--data ${location.dataDir}` : `--postgres ${describeUrl(location.url)}`

/** Opens a pool for one command and ends it afterwards, even when `use` throws, so the process can exit. */
export const withPostgres = async <T>(url: string, use: (pool: Postgres) => Promise<T>): Promise<T> => {
  // An idle connection dropping is of no interest to a command: a query that needs it fails on its own.
  const pool = await openPostgres(url, () => {})
  try {
    return await use(pool)
  } finally {
    await pool.end()
  }
}
