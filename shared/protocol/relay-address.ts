/**
 * What the join confirmation says about a relay before the app connects to it: the host as the URL parser reads
 * it, and whether the connection would cross a network the user does not control without encryption.
 *
 * `ws://` is unencrypted: the whole course, its comments, its media and the access token travel in clear text.
 * That is fine on the same machine or a private network (a team relay on the office LAN, a test relay on
 * localhost) and needs a warning anywhere else. Only addresses count as private, plus the reserved name
 * `localhost`: any other name (`relay.local`, `intranet`) can resolve to anywhere, so it is warned about.
 */
export interface RelayAddress {
  /** `host[:port]`, normalised by the URL parser: IPv4 in dotted form, international names in punycode (`xn--…`),
   * so a look-alike letter cannot pass for the real host. */
  readonly host: string
  /** `wss://`: TLS protects the connection. */
  readonly encrypted: boolean
  /** Loopback, private or link-local address (or `localhost`): traffic stays on this machine or network. */
  readonly privateNetwork: boolean
}

/** Reads a relay URL (`ws://` or `wss://`); null for anything else. */
export const readRelayAddress = (relayUrl: string): RelayAddress | null => {
  let url: URL
  try {
    url = new URL(relayUrl)
  } catch {
    return null
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.hostname === '') return null
  return { host: url.host, encrypted: url.protocol === 'wss:', privateNetwork: isPrivateHost(url.hostname) }
}

/** True when the confirmation must warn that the course would travel unencrypted over someone else's network. */
export const needsUnencryptedWarning = (address: RelayAddress): boolean =>
  !address.encrypted && !address.privateNetwork

/**
 * A hostname as `URL` gives it (IPv6 in brackets, IPv4 already normalised, lower case) that stays on this machine
 * or its private network: 127/8, 10/8, 172.16/12, 192.168/16, 169.254/16, ::1, fc00::/7, fe80::/10,
 * IPv4-mapped IPv6 forms of those, `localhost` and `*.localhost` (RFC 6761 keeps those on loopback).
 */
export const isPrivateHost = (hostname: string): boolean => {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host.startsWith('[') && host.endsWith(']')) return isPrivateIpv6(host.slice(1, -1))
  const ipv4 = ipv4Octets(host)
  return ipv4 !== null && isPrivateIpv4(ipv4)
}

const ipv4Octets = (host: string): readonly number[] | null => {
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null
  const octets = parts.map(Number)
  return octets.every((octet) => octet <= 255) ? octets : null
}

const isPrivateIpv4 = ([a = -1, b = -1]: readonly number[]): boolean =>
  a === 127 ||
  a === 10 ||
  (a === 172 && b >= 16 && b <= 31) ||
  (a === 192 && b === 168) ||
  (a === 169 && b === 254)

/** IPv6 as the URL parser prints it: compressed, lower case, an embedded IPv4 already turned into hex groups. */
const isPrivateIpv6 = (address: string): boolean => {
  if (address === '::1') return true
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address)
  if (mapped) {
    const high = parseInt(mapped[1] ?? '', 16)
    const low = parseInt(mapped[2] ?? '', 16)
    return isPrivateIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff])
  }
  const first = parseInt(address.split(':')[0] || '0', 16)
  // fc00::/7 (unique local) and fe80::/10 (link-local).
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80
}
