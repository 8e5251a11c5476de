import { parseArgs } from 'node:util'
import { decodeJwt } from 'jose'
import type { Result } from '../../../shared/errors'
import { parseTokenClaims } from '../../../shared/protocol/token'
import { TOKENS_FILE, withTokenRegistry, type TokenRegistry } from '../tokens/registry'
import { createRevocationSet, type TokenRecord } from '../tokens/revocation-set'
import { REVOCATION_POLL_MS } from '../tokens/revocation-watch'
import { dataDirFrom } from './data-dir'
import { formatTime } from './table'
import { formatTokens } from './tokens'

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

type Target =
  { readonly kind: 'token'; readonly token: TokenRecord } | { readonly kind: 'user'; readonly user: string }

/** What `--token` names; an error for a string that is no Chorus token or a token without an id. */
const readToken = (jwt: string, dataDir: string): Result<Target, { usage: boolean; message: string }> => {
  let payload: unknown
  try {
    payload = decodeJwt(jwt.trim())
  } catch {
    return {
      ok: false,
      error: { usage: true, message: '--token is not a token (three base64url parts separated by dots)' },
    }
  }
  const claims = parseTokenClaims(payload)
  if (claims === null)
    return {
      ok: false,
      error: {
        usage: true,
        message: '--token is not a Chorus token (it lacks sub, name, course, role or exp)',
      },
    }
  if (claims.jti === undefined)
    return {
      ok: false,
      error: {
        usage: false,
        message:
          'this token has no id (it was minted before the relay recorded tokens), so it cannot be revoked alone.\n' +
          `Revoke every token of its user instead: npm run relay -- revoke --data ${dataDir} --sub ${claims.sub}`,
      },
    }
  return {
    ok: true,
    value: {
      kind: 'token',
      token: {
        id: claims.jti,
        user: claims.sub,
        name: claims.name,
        course: claims.course,
        role: claims.role,
        issuedAt: claims.iat ?? 0,
        expiresAt: claims.exp,
      },
    },
  }
}

const revokeToken = (registry: TokenRegistry, token: TokenRecord, nowSeconds: number): string => {
  const fresh = registry.revokeToken(token, nowSeconds)
  const table = formatTokens([token], createRevocationSet(registry.revocationsAfter(0)), nowSeconds)
  return `${fresh ? 'Revoked' : 'Already revoked:'} token ${token.id}\n${table}`
}

const revokeUser = (registry: TokenRegistry, user: string, nowSeconds: number): string => {
  registry.revokeUser(user, nowSeconds)
  const recorded = registry.list().filter((token) => token.user === user)
  const revoked = createRevocationSet(registry.revocationsAfter(0))
  return [
    `Revoked every token of user ${user} issued up to ${formatTime(nowSeconds)}, recorded or not.`,
    recorded.length === 0
      ? 'The registry records no token of this user.'
      : `The registry's tokens of this user:\n${formatTokens(recorded, revoked, nowSeconds)}`,
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
  let target: Target = { kind: 'user', user: sub ?? '' }
  if (token !== undefined) {
    const read = readToken(token, dataDir)
    if (!read.ok) {
      if (read.error.usage) return usage(read.error.message)
      console.error(`chorus relay revoke: ${read.error.message}`)
      return 1
    }
    target = read.value
  }
  const nowSeconds = Math.floor(Date.now() / 1000)
  try {
    console.log(
      withTokenRegistry(dataDir, { mustExist: true }, (registry) =>
        target.kind === 'token'
          ? revokeToken(registry, target.token, nowSeconds)
          : revokeUser(registry, target.user, nowSeconds),
      ),
    )
    return 0
  } catch (error) {
    console.error(`chorus relay revoke: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
