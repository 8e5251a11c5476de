/** A minted token as the registry records it (never the token string itself). Times in seconds since the epoch. */
export interface TokenRecord {
  /** The token's `jti` claim. */
  readonly id: string
  readonly user: string
  readonly name: string
  /** The token's course id or `*`; for a team token its team's room name, `team:<teamId>` (no course id has a `:`). */
  readonly course: string
  /** A course role, or a team token's team role. */
  readonly role: string
  readonly issuedAt: number
  readonly expiresAt: number
}

/**
 * One revocation. `token`: that one token, by id. `user`: every token of that user issued at or before `at`,
 * recorded or not: the only way to reach tokens minted before tokens had ids.
 */
export type Revocation = { readonly seq: number; readonly at: number } & (
  { readonly kind: 'token'; readonly tokenId: string } | { readonly kind: 'user'; readonly user: string }
)

/** What a revocation is matched against: a token's id (if it has one), user and issue time. */
export interface RevocableToken {
  readonly tokenId: string | undefined
  readonly user: string
  /** Seconds since the epoch; 0 for a token without `iat`, which any revocation of its user then covers. */
  readonly issuedAt: number
}

export interface RevocationSet {
  add(revocation: Revocation): void
  /** Whether any revocation added covers the token: its id, or its user at or after its issue time. */
  covers(token: RevocableToken): boolean
}

/** The revocations seen, kept as a set of token ids and, per user, the latest revocation time. */
export const createRevocationSet = (revocations: Iterable<Revocation> = []): RevocationSet => {
  const tokens = new Set<string>()
  const users = new Map<string, number>()
  const add = (revocation: Revocation): void => {
    if (revocation.kind === 'token') tokens.add(revocation.tokenId)
    else users.set(revocation.user, Math.max(revocation.at, users.get(revocation.user) ?? -Infinity))
  }
  for (const revocation of revocations) add(revocation)
  return {
    add,
    covers: (token) =>
      (token.tokenId !== undefined && tokens.has(token.tokenId)) ||
      token.issuedAt <= (users.get(token.user) ?? -Infinity),
  }
}

export type TokenStatus = 'active' | 'expired' | 'revoked'

/** Revoked wins over expired: it says what the operator did. */
export const tokenStatus = (token: TokenRecord, revoked: RevocationSet, nowSeconds: number): TokenStatus =>
  revoked.covers({ tokenId: token.id, user: token.user, issuedAt: token.issuedAt })
    ? 'revoked'
    : token.expiresAt <= nowSeconds
      ? 'expired'
      : 'active'
