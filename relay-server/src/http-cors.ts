/** The app is served from another origin and sends its token in the query, never a cookie: any origin may ask. */
export const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'content-length, etag',
} as const

export const PREFLIGHT = {
  ...CORS,
  'access-control-allow-methods': 'GET, HEAD, PUT, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  // A relay on a laptop or LAN serves an app loaded from a public origin (Chrome's Private Network Access).
  'access-control-allow-private-network': 'true',
  'access-control-max-age': '86400',
} as const
