import pg from 'pg'

/**
 * The relay's PostgreSQL connections. `pg` (node-postgres): the most widely deployed PostgreSQL client for Node,
 * pure JavaScript (nothing native to build on a server), with a pool, parameterised queries and bytea as Buffers.
 */
export type Postgres = pg.Pool

/** Connections per relay process: rooms write through a few at once; each one costs PostgreSQL a backend. */
const POOL_SIZE = 8
/** A query waiting this long for a free connection fails instead of stalling its room for ever. */
const CONNECT_TIMEOUT_MS = 5_000
/** A statement running this long is cancelled: a write that hangs must fail so its room stops acknowledging. */
const STATEMENT_TIMEOUT_MS = 15_000

/** Opens a pool and checks the server answers; throws (with the URL's host, never its password) if not. */
export const openPostgres = async (url: string, onError: (message: string) => void): Promise<Postgres> => {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    // Kept open: a relay's connections are a fixed cost, paid at start, not in the first burst of clients.
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: 'chorus-relay',
  })
  // An idle connection that PostgreSQL drops (a restart) is reported here; the pool opens a new one on next use.
  pool.on('error', (error) => onError(error.message))
  try {
    const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()))
    await clients[0]?.query('SELECT 1')
    for (const client of clients) client.release()
  } catch (error) {
    await pool.end().catch(() => {})
    throw new Error(
      `cannot reach PostgreSQL at ${describeUrl(url)}: ${(error as Error).message} (is it running, and is the URL right?)`,
      {
        cause: error,
      },
    )
  }
  return pool
}

/** The URL without its password, for messages and /healthz. */
export const describeUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    return parsed.toString()
  } catch {
    return '(unparsable URL)'
  }
}

/** Every part that owns tables creates them under this lock, so relays starting together do not race on DDL. */
const SCHEMA_LOCK = 0x63686f72 // "chor"

export const withSchemaLock = async (pool: Postgres, ddl: string): Promise<void> => {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK])
    try {
      await client.query(ddl)
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK])
    }
  } finally {
    client.release()
  }
}

/** Runs `work` in a transaction on one connection: committed if it resolves, rolled back if it throws. */
export const inTransaction = async <T>(
  pool: Postgres,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> => {
  const client = await pool.connect()
  try {
    await client.query(begin)
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
