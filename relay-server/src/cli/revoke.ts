import { parseArgs } from 'node:util'
import { decodeJwt } from 'jose'
import type { Result } from '../../../shared/errors'
import { parseTokenClaims, type TokenClaims } from '../../../shared/protocol/token'
import { TOKENS_FILE, withTokenRegistry, type TokenRegistry } from '../tokens/registry'
import { revokes } from '../tokens/revocation-set'
import { REVOCATION_POLL_MS } from '../tokens/revocation-watch'
import { dataDirFrom } from './data-dir'
import { formatTime } from './table'
import { formatTokens, revocationSetOf } from './tokens'

export const REVOKE_USAGE = `Usage: npm run relay -- revoke [--data relay-data] (--token JWT | --sub USER_ID)
--token JWT    revokes that one token, recorded or not (its claims are read; its signature is not checked).
--sub USER_ID  revokes every token of that user issued up to now, recorded or not, including tokens minted
               before the relay recorded tokens (those have no id, so only --sub reaches them).
               Mint the user's new token after this: one minted within the same second is revoked too.
The running relay refuses revoked tokens from then on (401 "token revoked") and closes their open connections
within ${REVOCATION_POLL_MS / 1000} seconds (close code 4410). Writes to <data>/${TOKENS_FILE}, the relay's data directory
(--data, else CHORUS_RELAY_DATA, else relay-data).`

const options = {
  data: { type: 'string' },
  token: { type: 'string' },
  sub: { type: 'string' },
  help: { type: 'boolean' },
} as const

/** The claims of `--token`, or why it is no Chorus token. */
const readToken = (jwt: string): Result<TokenClaims, string> => {
  let payload: unknown
  try {
    payload = decodeJwt(jwt.trim())
  } catch {
    return { ok: false, error: '--token is not a token (three base64url parts separated by dots)' }
  }
  const claims = parseTokenClaims(payload)
  return claims === null
    ? { ok: false, error: '--token is not a Chorus token (it lacks sub, name, course, role or exp)' }
    : { ok: true, value: claims }
}

const revokeToken = (
  registry: TokenRegistry,
  claims: TokenClaims & { readonly jti: string },
  nowSeconds: number,
): string => {
  const token = {
    id: claims.jti,
    user: claims.sub,
    name: claims.name,
    course: claims.course,
    role: claims.role,
    issuedAt: claims.iat ?? 0,
    expiresAt: claims.exp,
  }
  const fresh = registry.revokeToken(token, nowSeconds)
  const table = formatTokens([token], revocationSetOf(registry.revocationsAfter(0)), nowSeconds)
  return `${fresh ? 'Revoked' : 'Already revoked:'} token ${token.id}\n${table}`
}

const revokeUser = (registry: TokenRegistry, user: string, nowSeconds: number): string => {
  registry.revokeUser(user, nowSeconds)
  const revocation = { seq: 0, at: nowSeconds, kind: 'user', user } as const
  const recorded = registry.list().filter((token) => revokes(revocation, { ...token, tokenId: token.id }))
  return [
    `Revoked every token of user ${user} issued up to ${formatTime(nowSeconds)}, recorded or not.`,
    recorded.length === 0
      ? 'The registry records no token of this user.'
      : `Recorded tokens of this user:\n${formatTokens(recorded, revocationSetOf(registry.revocationsAfter(0)), nowSeconds)}`,
  ].join('\n')
}

/** `npm run relay -- revoke …`: records a revocation, which the running relay picks up; returns the exit code. */
export const runRevokeCommand = (argv: readonly string[], env: NodeJS.ProcessEnv): number => {
  const usage = (message: string): number => {
    console.error(`chorus relay revoke: ${message}\n${REVOKE_USAGE}`)
    return 2
  }
  let values
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error))
  }
  if (values.help === true) {
    console.log(REVOKE_USAGE)
    return 0
  }
  const { token, sub } = values
  if ((token === undefined) === (sub === undefined)) return usage('give exactly one of --token and --sub')
  if (sub?.trim() === '') return usage('--sub must not be empty')
  const dataDir = dataDirFrom(values.data, env)
  const claims = token === undefined ? null : readToken(token)
  if (claims !== null && !claims.ok) return usage(claims.error)
  const jti = claims?.value.jti
  if (claims !== null && jti === undefined) {
    console.error(
      `chorus relay revoke: this token has no id (it was minted before the relay recorded tokens), so it cannot be revoked alone.\n` +
        `Revoke every token of its user instead: npm run relay -- revoke --data ${dataDir} --sub ${claims.value.sub}`,
    )
    return 1
  }
  const nowSeconds = Math.floor(Date.now() / 1000)
  try {
    console.log(
      withTokenRegistry(dataDir, { mustExist: true }, (registry) =>
        claims !== null && jti !== undefined
          ? revokeToken(registry, { ...claims.value, jti }, nowSeconds)
          : revokeUser(registry, sub ?? '', nowSeconds),
      ),
    )
    return 0
  } catch (error) {
    console.error(`chorus relay revoke: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
