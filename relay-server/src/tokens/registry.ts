import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Revocation, TokenRecord } from './revocation-set'

/**
 * The SQLite token registry, in a file of its own beside the relay's documents. Its own file because the command line writes it while the relay runs: the documents'
 * database is written by the relay alone with busy_timeout 0 (waiting on a lock would stall every room), and a
 * CLI holding its write lock, even for a millisecond, would make a document write fail. Here the relay only reads,
 * and in WAL mode a reader never waits for a writer.
 */
export const TOKENS_FILE = 'tokens.sqlite'
/** Bumped when the table layout changes; a relay or CLI refuses a file written by a newer one. */
const SCHEMA_VERSION = 1
/** The CLI may wait this long for another CLI's write; the relay never writes, so never waits for it. */
const CLI_BUSY_MS = 5_000

const createSchema = (db: Database.Database): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS tokens (
      id TEXT PRIMARY KEY,
      user TEXT NOT NULL,
      name TEXT NOT NULL,
      course TEXT NOT NULL,
      role TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS tokens_by_user ON tokens (user, issued_at);
    CREATE TABLE IF NOT EXISTS revocations (
      seq INTEGER PRIMARY KEY,
      token TEXT,
      user TEXT,
      at INTEGER NOT NULL,
      CHECK ((token IS NULL) <> (user IS NULL))
    );
  `)
  db.pragma(`user_version = ${SCHEMA_VERSION}`)
}

/**
 * Every token minted for the relay and every revocation: in `<data>/tokens.sqlite` (here) or in PostgreSQL
 * (postgres/token-registry.ts), which every relay instance reads. Each method rejects on failure.
 */
export interface TokenRegistry {
  /** Records a minted token; recording the same id again changes nothing. */
  record(token: TokenRecord): Promise<void>
  /** Every recorded token, oldest first. */
  list(): Promise<TokenRecord[]>
  /** Revocations with `seq` above `afterSeq`, in order: the relay asks for those it has not seen. */
  revocationsAfter(afterSeq: number): Promise<Revocation[]>
  /** Revokes one token, recording it first if it was minted elsewhere; false if it was already revoked. */
  revokeToken(token: TokenRecord, atSeconds: number): Promise<boolean>
  /** Revokes every token of `user` issued at or before `atSeconds`, recorded or not. */
  revokeUser(user: string, atSeconds: number): Promise<void>
  /** Closes what the registry opened itself (a PostgreSQL one shares its caller's pool, which the caller ends). */
  close(): void
}

interface RevocationRow {
  readonly seq: number
  readonly token: string | null
  readonly user: string | null
  readonly at: number
}

const toRevocation = ({ seq, token, user, at }: RevocationRow): Revocation =>
  token !== null ? { seq, at, kind: 'token', tokenId: token } : { seq, at, kind: 'user', user: user ?? '' }

export interface RegistryOptions {
  /** The relay opens with 0: it only reads, and must never block its event loop on a lock. */
  readonly busyTimeoutMs?: number
  /** Refuse to create a registry (or its directory) that does not exist yet. */
  readonly mustExist?: boolean
}

export const registryPath = (dataDir: string): string => join(dataDir, TOKENS_FILE)

/** Opens (or creates) `<dataDir>/tokens.sqlite`; throws with a message fit for an operator when it cannot. */
export const openSqliteTokenRegistry = (dataDir: string, options: RegistryOptions = {}): TokenRegistry => {
  const file = registryPath(dataDir)
  if (options.mustExist === true && !existsSync(file))
    throw new Error(`no token registry at ${file}; pass --data the relay's data directory`)
  mkdirSync(dataDir, { recursive: true })
  // Creating the schema may meet another process's write: wait for it here, before the busy timeout that counts.
  const db = new Database(file, { timeout: CLI_BUSY_MS })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION)
      throw new Error(
        `${file} was written by a newer relay (schema ${version}, this one knows ${SCHEMA_VERSION}); update the relay`,
      )
    if (version < SCHEMA_VERSION) createSchema(db)
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? CLI_BUSY_MS}`)
  } catch (error) {
    db.close()
    throw error
  }

  const insertToken = db.prepare<[string, string, string, string, string, number, number]>(
    'INSERT OR IGNORE INTO tokens (id, user, name, course, role, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const selectTokens = db.prepare<[], TokenRecord>(
    'SELECT id, user, name, course, role, issued_at AS issuedAt, expires_at AS expiresAt FROM tokens ORDER BY issued_at, rowid',
  )
  const selectRevocations = db.prepare<[number], RevocationRow>(
    'SELECT seq, token, user, at FROM revocations WHERE seq > ? ORDER BY seq',
  )
  const tokenRevoked = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM revocations WHERE token = ? LIMIT 1',
  )
  const insertRevocation = db.prepare<[string | null, string | null, number]>(
    'INSERT INTO revocations (token, user, at) VALUES (?, ?, ?)',
  )
  const record = (t: TokenRecord): void => {
    insertToken.run(t.id, t.user, t.name, t.course, t.role, t.issuedAt, t.expiresAt)
  }
  const revokeToken = db.transaction((token: TokenRecord, at: number): boolean => {
    record(token)
    if (tokenRevoked.get(token.id) !== undefined) return false
    insertRevocation.run(token.id, null, at)
    return true
  })

  return {
    record: async (token) => record(token),
    list: async () => selectTokens.all(),
    revocationsAfter: async (afterSeq) => selectRevocations.all(afterSeq).map(toRevocation),
    revokeToken: async (token, at) => revokeToken(token, at),
    revokeUser: async (user, at) => {
      insertRevocation.run(null, user, at)
    },
    close: () => db.close(),
  }
}
