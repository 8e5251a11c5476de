import { isMediaHash } from '../course/content'
import type { CourseId } from '../course/types'
import { TOKEN_PARAM } from './messages'
import { isCourseId } from './rooms'

/**
 * Media blobs travel beside the document, not in it: as plain HTTP on the relay's own port, so a 50 MB video
 * never becomes a Yjs update that every later joiner downloads again. Blobs are addressed by the SHA-256 of
 * their bytes (lowercase hex), per course, with the same token as the WebSocket in the `token` query parameter:
 *
 *   PUT  /media/<courseId>/<hash>     body = the bytes; authors only; 201, or 200 if held; 415 unless the leading
 *                                     bytes are an allowed type (shared/media/media-types.ts), whatever Content-Type says
 *   GET  /media/<courseId>/<hash>     the bytes, as the type they are; any role with access to the course; 404 if
 *                                     the relay lacks it; 415 for a blob stored earlier that is not an allowed type
 *   POST /media/<courseId>/missing    body = JSON array of hashes; answers the JSON array of those the relay lacks
 */
export const MEDIA_PREFIX = '/media/'
export const MISSING_SEGMENT = 'missing'
/** Hashes one `missing` request may ask about; a client with more asks in batches. */
export const MAX_MISSING_QUERY = 5_000

export type MediaRoute =
  | { readonly kind: 'blob'; readonly courseId: CourseId; readonly hash: string }
  | { readonly kind: 'missing'; readonly courseId: CourseId }
  | { readonly kind: 'invalid' }

/** The route of a path under `/media/`; null for a path that is not a media path at all. */
export const parseMediaPath = (pathname: string): MediaRoute | null => {
  if (!pathname.startsWith(MEDIA_PREFIX)) return null
  const [courseId = '', last = '', ...rest] = pathname.slice(MEDIA_PREFIX.length).split('/')
  if (rest.length > 0 || !isCourseId(courseId)) return { kind: 'invalid' }
  if (last === MISSING_SEGMENT) return { kind: 'missing', courseId }
  return isMediaHash(last) ? { kind: 'blob', courseId, hash: last } : { kind: 'invalid' }
}

/** The relay's HTTP address for its WebSocket address: same host, port and path; ws → http, wss → https. */
export const relayHttpBase = (relayUrl: string): string =>
  relayUrl.replace(/^ws(s?):\/\//i, 'http$1://').replace(/\/+$/, '')

export const mediaBlobUrl = (relayUrl: string, courseId: CourseId, hash: string, token: string): string =>
  `${relayHttpBase(relayUrl)}${MEDIA_PREFIX}${courseId}/${hash}?${TOKEN_PARAM}=${encodeURIComponent(token)}`

export const mediaMissingUrl = (relayUrl: string, courseId: CourseId, token: string): string =>
  `${relayHttpBase(relayUrl)}${MEDIA_PREFIX}${courseId}/${MISSING_SEGMENT}?${TOKEN_PARAM}=${encodeURIComponent(token)}`
