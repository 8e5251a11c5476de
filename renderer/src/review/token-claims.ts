import { parseTokenClaims, type TokenClaims } from '../../../shared/protocol/token'

const base64UrlJson = (segment: string): unknown => {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))))
}

/**
 * What a relay token says about its holder, read without checking the signature: the app only needs to know
 * whom to show and which controls to offer, while the relay, which holds the secret, enforces the role.
 * Anyone can write a token that claims any role, so nothing that decides what leaves this device may depend on it:
 * which relay receives a course is decided by the user's answer to the join confirmation alone.
 * Null for anything that is not a JWT carrying every Chorus claim.
 */
export function readTokenClaims(token: string): TokenClaims | null {
  const [, payload, signature] = token.split('.')
  if (payload === undefined || signature === undefined) return null
  try {
    return parseTokenClaims(base64UrlJson(payload))
  } catch {
    return null
  }
}
