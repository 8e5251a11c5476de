/**
 * What a relay token says about its holder. The relay signs and checks it (HS256); the app only reads it,
 * e.g. to show the role an invite grants. Claim names are the wire format: never rename them.
 */
export const ROLES = ['author', 'reviewer', 'viewer', 'learner'] as const
export type Role = (typeof ROLES)[number]

/**
 * Roles a team invite grants (issue 12): a member declares needs, votes and discusses, and reads the team's
 * published courses; an expert also creates and co-authors team courses; a lead (L&D) also triages needs, marks
 * courses published and reviews. What each means in a team course is `teamCourseRole` (team-access.ts).
 */
export const TEAM_ROLES = ['member', 'expert', 'lead'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

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

/**
 * What a team token says: the same claims as a course token, with `team` (a team id) instead of `course` and a
 * team role. It opens the team's space (`team:<teamId>`) and, by role, the courses registered to the team.
 */
export interface TeamTokenClaims extends Omit<TokenClaims, 'course' | 'role'> {
  readonly team: string
  readonly role: TeamRole
}

export type AnyTokenClaims = TokenClaims | TeamTokenClaims

export const isTeamClaims = (claims: AnyTokenClaims): claims is TeamTokenClaims => 'team' in claims

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

export const isTeamRole = (value: unknown): value is TeamRole =>
  typeof value === 'string' && (TEAM_ROLES as readonly string[]).includes(value)

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0

/**
 * Checks an already verified payload has every claim Chorus needs, for a course token or (with a `team` claim) a
 * team token; `null` if any is missing or mistyped. A payload with both `course` and `team` is neither.
 */
export const parseAnyTokenClaims = (payload: unknown): AnyTokenClaims | null => {
  if (typeof payload !== 'object' || payload === null) return null
  const { sub, name, course, team, role, exp, iat, jti } = payload as Record<string, unknown>
  if (!nonEmpty(sub) || typeof name !== 'string') return null
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null
  const common = {
    sub,
    name,
    exp,
    ...(typeof iat === 'number' && Number.isFinite(iat) ? { iat } : {}),
    ...(nonEmpty(jti) ? { jti } : {}),
  }
  if (team !== undefined)
    return course === undefined && nonEmpty(team) && isTeamRole(role) ? { ...common, team, role } : null
  return nonEmpty(course) && isRole(role) ? { ...common, course, role } : null
}

/** A course token's claims; null for a team token or anything else. */
export const parseTokenClaims = (payload: unknown): TokenClaims | null => {
  const claims = parseAnyTokenClaims(payload)
  return claims === null || isTeamClaims(claims) ? null : claims
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Bytes of a base64url text (padding optional); throws on a character outside the alphabet. */
const base64UrlBytes = (text: string): Uint8Array => {
  const digits = text.replace(/=+$/, '')
  const bytes = new Uint8Array(Math.floor((digits.length * 6) / 8))
  let bits = 0
  let value = 0
  let at = 0
  for (const char of digits) {
    const digit = BASE64URL.indexOf(char)
    if (digit < 0) throw new Error(`not base64url: ${char}`)
    value = ((value << 6) | digit) & 0xffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[at++] = (value >> bits) & 0xff
    }
  }
  return bytes
}

/**
 * What a relay token says about its holder, read without checking the signature: the app only needs to know
 * whom to show and which controls to offer, while the relay, which holds the secret, enforces the role.
 * Anyone can write a token that claims any role, so nothing that decides what leaves a device may depend on it:
 * which relay receives a course is decided by the user's answer to the join confirmation alone.
 * Null for anything that is not a JWT carrying every Chorus claim.
 */
export function readAnyTokenClaims(token: string): AnyTokenClaims | null {
  const [, payload, signature] = token.split('.')
  if (payload === undefined || signature === undefined) return null
  try {
    return parseAnyTokenClaims(JSON.parse(new TextDecoder().decode(base64UrlBytes(payload))) as unknown)
  } catch {
    return null
  }
}

/** `readAnyTokenClaims` for a course token; null for a team token. */
export function readTokenClaims(token: string): TokenClaims | null {
  const claims = readAnyTokenClaims(token)
  return claims === null || isTeamClaims(claims) ? null : claims
}
