import { webcrypto } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import type { CourseId } from '../../shared/course/types'
import type { Result } from '../../shared/errors'
import { UpgradeStatus } from '../../shared/protocol/close-codes'
import { coversCourse } from '../../shared/protocol/rooms'
import {
  isTeamClaims,
  parseAnyTokenClaims,
  type AnyTokenClaims,
  type Role,
  type TeamRole,
} from '../../shared/protocol/token'

/** HS256 is only as strong as its secret; 32 characters of random text is the floor. */
export const MIN_SECRET_LENGTH = 32
export const SECRET_ENV = 'CHORUS_RELAY_SECRET'
const ALGORITHM = 'HS256'

export interface AuthRefusal {
  readonly status: typeof UpgradeStatus.Unauthorized | typeof UpgradeStatus.Forbidden
  /** Safe to send to the client and to log: never contains the token. */
  readonly reason: string
}

export type TokenCheck = Result<AnyTokenClaims, AuthRefusal>

/** Reads the secret from the environment, explaining how to fix it when it is missing or weak. */
export const secretFromEnv = (env: NodeJS.ProcessEnv): Result<string, string> => {
  const secret = env[SECRET_ENV]
  if (secret === undefined || secret === '') {
    return {
      ok: false,
      error: `${SECRET_ENV} is not set. Set it to a random secret of at least ${MIN_SECRET_LENGTH} characters, e.g. export ${SECRET_ENV}=$(openssl rand -base64 48)`,
    }
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    return {
      ok: false,
      error: `${SECRET_ENV} is ${secret.length} characters long; it must be at least ${MIN_SECRET_LENGTH}. Generate one with: openssl rand -base64 48`,
    }
  }
  return { ok: true, value: secret }
}

const importSecret = (secret: string): Promise<webcrypto.CryptoKey> =>
  webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )

const unauthorized = (reason: string): TokenCheck => ({
  ok: false,
  error: { status: UpgradeStatus.Unauthorized, reason },
})

const describeJoseError = (error: unknown): string => {
  if (error instanceof errors.JWTExpired) return 'token expired'
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature invalid'
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not allowed'
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim "${error.claim}" invalid`
  return 'token malformed'
}

/**
 * Verifies tokens against one secret; the key is imported once, not per connection. A course token must cover
 * `courseId` when one is given; a team token passes as it is: which courses it opens is the registry's to say
 * (access.ts).
 */
export const createTokenVerifier = async (secret: string) => {
  const key = await importSecret(secret)
  return async (token: string | null, courseId: CourseId | null): Promise<TokenCheck> => {
    if (token === null || token === '') return unauthorized('token missing')
    let payload: unknown
    try {
      ;({ payload } = await jwtVerify(token, key, {
        algorithms: [ALGORITHM],
        requiredClaims: ['exp', 'sub'],
      }))
    } catch (error) {
      return unauthorized(describeJoseError(error))
    }
    const claims = parseAnyTokenClaims(payload)
    if (claims === null) return unauthorized('token lacks Chorus claims')
    if (!isTeamClaims(claims) && courseId !== null && !coversCourse(claims.course, courseId))
      return { ok: false, error: { status: UpgradeStatus.Forbidden, reason: 'token is for another course' } }
    return { ok: true, value: claims }
  }
}

export type TokenVerifier = Awaited<ReturnType<typeof createTokenVerifier>>

interface TokenBasics {
  readonly user: string
  readonly name: string
  readonly ttlSeconds: number
  /** The `jti` claim, under which the token registry records the token; tokens without one predate it. */
  readonly id?: string
}

export interface CourseTokenRequest extends TokenBasics {
  readonly course: string
  readonly role: Role
}

/** A team token (issue 12): the `team` claim in place of `course`, and a team role. */
export interface TeamTokenRequest extends TokenBasics {
  readonly team: string
  readonly role: TeamRole
}

export type TokenRequest = CourseTokenRequest | TeamTokenRequest

export const mintToken = async (
  secret: string,
  request: TokenRequest,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string> => {
  const scope = 'team' in request ? { team: request.team } : { course: request.course }
  const jwt = new SignJWT({ name: request.name, ...scope, role: request.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(request.user)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + request.ttlSeconds)
  if (request.id !== undefined) jwt.setJti(request.id)
  return jwt.sign(await importSecret(secret))
}
