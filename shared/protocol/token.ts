/**
 * What a relay token says about its holder. The relay signs and checks it (HS256); the app only reads it,
 * e.g. to show the role an invite grants. Claim names are the wire format: never rename them.
 */
export const ROLES = ['author', 'reviewer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** The `course` claim of a token valid for every course on the relay. */
export const ANY_COURSE = '*'

export interface TokenClaims {
  /** Stable user id. */
  readonly sub: string
  /** Display name. */
  readonly name: string
  /** A course id, or `ANY_COURSE`. */
  readonly course: string
  readonly role: Role
  /** Expiry, seconds since the epoch. */
  readonly exp: number
  /** Issued at, seconds since the epoch; a revocation of the user covers tokens issued up to its time. */
  readonly iat?: number
  /** Token id, recorded by the relay when minted so that this one token can be revoked; absent in older tokens. */
  readonly jti?: string
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0

/** Checks an already verified payload has every claim Chorus needs; `null` if any is missing or mistyped. */
export const parseTokenClaims = (payload: unknown): TokenClaims | null => {
  if (typeof payload !== 'object' || payload === null) return null
  const { sub, name, course, role, exp, iat, jti } = payload as Record<string, unknown>
  if (!nonEmpty(sub) || typeof name !== 'string' || !nonEmpty(course) || !isRole(role)) return null
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null
  return {
    sub,
    name,
    course,
    role,
    exp,
    ...(typeof iat === 'number' && Number.isFinite(iat) ? { iat } : {}),
    ...(nonEmpty(jti) ? { jti } : {}),
  }
}
