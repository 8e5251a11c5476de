import type { PoolClient } from 'pg'
import type { TokenRegistry } from '../tokens/registry'
import type { Revocation, TokenRecord } from '../tokens/revocation-set'
import { inTransaction, withSchemaLock, type Postgres } from './connect'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS chorus_tokens (
    id text PRIMARY KEY,
    user_id text NOT NULL,
    name text NOT NULL,
    course text NOT NULL,
    role text NOT NULL,
    issued_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    recorded bigint GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX IF NOT EXISTS chorus_tokens_by_user ON chorus_tokens (user_id, issued_at);
  CREATE TABLE IF NOT EXISTS chorus_revocations (
    seq bigserial PRIMARY KEY,
    token text,
    user_id text,
    at bigint NOT NULL,
    CHECK ((token IS NULL) <> (user_id IS NULL))
  );
`

/**
 * Serialises revocations. A reader asks for `seq` above the last it saw, which is only safe if revocations
 * become visible in `seq` order: without this lock a revocation could draw seq 5, another seq 6 and commit first,
 * and a relay reading between the two commits would never see 5.
 */
const REVOCATION_LOCK = 0x63686f73 // "chos"

interface TokenRow {
  readonly id: string
  readonly user_id: string
  readonly name: string
  readonly course: string
  readonly role: string
  readonly issued_at: string
  readonly expires_at: string
}

interface RevocationRow {
  readonly seq: string
  readonly token: string | null
  readonly user_id: string | null
  readonly at: string
}

// bigint columns come back as strings (they may pass 2^53); seconds and revocation counts never do.
const toToken = (row: TokenRow): TokenRecord => ({
  id: row.id,
  user: row.user_id,
  name: row.name,
  course: row.course,
  role: row.role,
  issuedAt: Number(row.issued_at),
  expiresAt: Number(row.expires_at),
})

const toRevocation = ({ seq, token, user_id, at }: RevocationRow): Revocation =>
  token !== null
    ? { seq: Number(seq), at: Number(at), kind: 'token', tokenId: token }
    : { seq: Number(seq), at: Number(at), kind: 'user', user: user_id ?? '' }

const INSERT_TOKEN = `
  INSERT INTO chorus_tokens (id, user_id, name, course, role, issued_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING
`
const tokenValues = (t: TokenRecord) => [t.id, t.user, t.name, t.course, t.role, t.issuedAt, t.expiresAt]

/**
 * The token registry in PostgreSQL, which every relay instance polls for revocations and the command line writes
 * (`--postgres URL`). Creates its tables if needed; the pool stays the caller's to end.
 */
export const openPostgresTokenRegistry = async (pool: Postgres): Promise<TokenRegistry> => {
  await withSchemaLock(pool, SCHEMA)

  /** Runs `write` in a transaction holding REVOCATION_LOCK. */
  const revoking = <T>(write: (client: PoolClient) => Promise<T>): Promise<T> =>
    inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [REVOCATION_LOCK])
      return write(client)
    })

  return {
    async record(token) {
      await pool.query(INSERT_TOKEN, tokenValues(token))
    },
    async list() {
      const { rows } = await pool.query<TokenRow>(
        'SELECT id, user_id, name, course, role, issued_at, expires_at FROM chorus_tokens ORDER BY issued_at, recorded',
      )
      return rows.map(toToken)
    },
    async revocationsAfter(afterSeq) {
      const { rows } = await pool.query<RevocationRow>(
        'SELECT seq, token, user_id, at FROM chorus_revocations WHERE seq > $1 ORDER BY seq',
        [afterSeq],
      )
      return rows.map(toRevocation)
    },
    revokeToken: (token, at) =>
      revoking(async (client) => {
        await client.query(INSERT_TOKEN, tokenValues(token))
        const already = await client.query('SELECT 1 FROM chorus_revocations WHERE token = $1 LIMIT 1', [
          token.id,
        ])
        if (already.rowCount !== 0) return false
        await client.query('INSERT INTO chorus_revocations (token, at) VALUES ($1, $2)', [token.id, at])
        return true
      }),
    revokeUser: (user, at) =>
      revoking(async (client) => {
        await client.query('INSERT INTO chorus_revocations (user_id, at) VALUES ($1, $2)', [user, at])
      }),
    close() {
      // Nothing of its own to close: the pool belongs to whoever opened it.
    },
  }
}
