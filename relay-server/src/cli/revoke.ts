import { parseArgs } from 'node:util'
import { decodeJwt } from 'jose'
import type { Result } from '../../../shared/errors'
import { teamRoomName } from '../../../shared/protocol/rooms'
import { isTeamClaims, parseAnyTokenClaims } from '../../../shared/protocol/token'
import type { TeamId } from '../../../shared/team/types'
import { TOKENS_FILE, type TokenRegistry } from '../tokens/registry'
import { createRevocationSet, type TokenRecord } from '../tokens/revocation-set'
import { REVOCATION_POLL_MS } from '../tokens/revocation-watch'
import { withRegistryAt } from './registry-at'
import { locationFlag, STORE_FLAGS_HELP, storeLocationFrom, type StoreLocation } from './store-location'
import { formatTime } from './table'
import { formatTokens } from './tokens'

export const REVOKE_USAGE = `Usage: npm run relay -- revoke [--data relay-data | --postgres URL] (--token JWT | --sub USER_ID)
--token JWT    revokes that one token, recorded or not (its claims are read; its signature is not checked).
--sub USER_ID  revokes every token of that user issued up to now, recorded or not, including tokens minted
               before the relay recorded tokens (those have no id, so only --sub reaches them).
               Mint the user's new token after this: one minted within the same second is revoked too.
The running relays refuse revoked tokens from then on (401 "token revoked") and close their open connections
within ${REVOCATION_POLL_MS / 1000} seconds (close code 4410). Writes to the token registry: <data>/${TOKENS_FILE}, or
PostgreSQL's, which every relay instance on it reads.
${STORE_FLAGS_HELP}`

const options = {
  data: { type: 'string' },
  postgres: { type: 'string' },
  token: { type: 'string' },
  sub: { type: 'string' },
  help: { type: 'boolean' },
} as const

type Target =
  { readonly kind: 'token'; readonly token: TokenRecord } | { readonly kind: 'user'; readonly user: string }

/** What `--token` names; an error for a string that is no Chorus token or a token without an id. */
const readToken = (
  jwt: string,
  location: StoreLocation,
): Result<Target, { usage: boolean; message: string }> => {
  let payload: unknown
  try {
    payload = decodeJwt(jwt.trim())
  } catch {
    return {
      ok: false,
      error: { usage: true, message: '--token is not a token (three base64url parts separated by dots)' },
    }
  }
  const claims = parseAnyTokenClaims(payload)
  if (claims === null)
    return {
      ok: false,
      error: {
        usage: true,
        message: '--token is not a Chorus token (it lacks sub, name, course or team, role or exp)',
      },
    }
  if (claims.jti === undefined)
    return {
      ok: false,
      error: {
        usage: false,
        message:
          'this token has no id (it was minted before the relay recorded tokens), so it cannot be revoked alone.\n' +
          `Revoke every token of its user instead: npm run relay -- revoke ${locationFlag(location)} --sub ${claims.sub}`,
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
        // A team token is recorded under its team's room name, as `token --team` records it.
        course: isTeamClaims(claims) ? teamRoomName(claims.team as TeamId) : claims.course,
        role: claims.role,
        issuedAt: claims.iat ?? 0,
        expiresAt: claims.exp,
      },
    },
  }
}

const revokeToken = async (
  registry: TokenRegistry,
  token: TokenRecord,
  nowSeconds: number,
): Promise<string> => {
  const fresh = await registry.revokeToken(token, nowSeconds)
  const table = formatTokens([token], createRevocationSet(await registry.revocationsAfter(0)), nowSeconds)
  return `${fresh ? 'Revoked' : 'Already revoked:'} token ${token.id}\n${table}`
}

const revokeUser = async (registry: TokenRegistry, user: string, nowSeconds: number): Promise<string> => {
  await registry.revokeUser(user, nowSeconds)
  const recorded = (await registry.list()).filter((token) => token.user === user)
  const revoked = createRevocationSet(await registry.revocationsAfter(0))
  return [
    `Revoked every token of user ${user} issued up to ${formatTime(nowSeconds)}, recorded or not.`,
    recorded.length === 0
      ? 'The registry records no token of this user.'
      : `The registry's tokens of this user:\n${formatTokens(recorded, revoked, nowSeconds)}`,
  ].join('\n')
}

/** `npm run relay -- revoke …`: records a revocation, which the running relay picks up; returns the exit code. */
export const runRevokeCommand = async (argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> => {
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
  const location = storeLocationFrom(values, env)
  if (!location.ok) return usage(location.error.message)
  let target: Target = { kind: 'user', user: sub ?? '' }
  if (token !== undefined) {
    const read = readToken(token, location.value)
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
      await withRegistryAt(location.value, { mustExist: true }, (registry) =>
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
