import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CourseId } from '../../../shared/course/types'
import type { Result } from '../../../shared/errors'
import { TOKEN_PARAM } from '../../../shared/protocol/messages'
import { isMediaHash } from '../../../shared/course/content'
import { describeMediaTypes, sniffMediaType } from '../../../shared/media/media-types'
import { MAX_MISSING_QUERY, parseMediaPath, type MediaRoute } from '../../../shared/protocol/media'
import { canWrite } from '../../../shared/protocol/rooms'
import type { TokenClaims } from '../../../shared/protocol/token'
import { OPEN_CLAIMS } from '../admission'
import { CORS, PREFLIGHT } from '../http-cors'
import type { Access } from '../access'
import type { Logger } from '../log'
import type { MediaStore } from './media-store'
import { readSmallBody, receiveUpload } from './receive'
import { sendMedia } from './send'

export interface MediaRoutesOptions {
  readonly store: MediaStore
  readonly log: Logger
  readonly maxBytes: number
  /**
   * Who may do what, as at the WebSocket upgrade (team tokens included). Null in `--open` mode; read per request
   * because it is created when the relay starts listening.
   */
  readonly access: () => Access | null
  readonly closing: () => boolean
}

/** A blob never changes under its hash. `private`: the URL carries a token, so shared caches must not keep it. */
const IMMUTABLE = 'private, max-age=31536000, immutable'
/** 64 hex characters, quotes and a comma per hash, with room for whitespace. */
const MAX_MISSING_BODY = MAX_MISSING_QUERY * 80

interface Refusal {
  readonly status: number
  readonly reason: string
}

const NOT_MEDIA = `its bytes are not an allowed media type (${describeMediaTypes()})`

/** How long a client still sending a body the relay answered early may go on before it is cut off. */
const LINGER_MS = 5_000

/**
 * After an answer given before the body was read (a refusal, a size limit, a blob already held), the rest of the
 * body is read and dropped so that a client still sending gets to read the answer: closing at once makes it see
 * a broken pipe instead. A client that keeps sending past LINGER_MS is cut off.
 */
const dropRestOfBody = (request: IncomingMessage): void => {
  if (request.complete) return
  const timer = setTimeout(() => request.socket.destroy(), LINGER_MS)
  timer.unref()
  const stop = (): void => clearTimeout(timer)
  request.once('end', stop).once('close', stop)
  request.resume()
}

const text = (request: IncomingMessage, response: ServerResponse, status: number, body: string): void => {
  if (response.headersSent) return void response.destroy()
  response
    .writeHead(status, { ...CORS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    .end(`${body}\n`)
  dropRestOfBody(request)
}

const json = (request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void => {
  response
    .writeHead(status, { ...CORS, 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body))
  dropRestOfBody(request)
}

const bareMime = (header: string | undefined): string =>
  (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''

/**
 * The relay's media endpoints (shared/protocol/media.ts), checked with the same tokens as the WebSocket.
 * Returns a request handler that answers `/media/…` paths and reports false for any other path.
 */
export const createMediaRoutes = ({ store, log, maxBytes, access, closing }: MediaRoutesOptions) => {
  const refuse = (
    request: IncomingMessage,
    response: ServerResponse,
    route: MediaRoute,
    refusal: Refusal,
  ): void => {
    log.warn(
      {
        event: 'media-refused',
        method: request.method,
        course: route.kind === 'invalid' ? undefined : route.courseId,
        hash: route.kind === 'blob' ? route.hash : undefined,
        status: refusal.status,
        reason: refusal.reason,
        ip: request.socket.remoteAddress,
      },
      'media request refused',
    )
    text(request, response, refusal.status, refusal.reason)
  }

  const authorize = async (url: URL, courseId: CourseId): Promise<Result<TokenClaims, Refusal>> => {
    const decide = access()
    if (decide === null) return { ok: true, value: OPEN_CLAIMS }
    return decide.course(url.searchParams.get(TOKEN_PARAM), courseId)
  }

  const put = async (
    request: IncomingMessage,
    response: ServerResponse,
    route: Extract<MediaRoute, { kind: 'blob' }>,
  ): Promise<void> => {
    // The declared Content-Type is only logged: the bytes say what the blob is (receiveUpload sniffs them).
    const mime = bareMime(request.headers['content-type'])
    const declared = Number(request.headers['content-length'] ?? 0)
    if (declared > maxBytes)
      return refuse(request, response, route, { status: 413, reason: `media larger than ${maxBytes} bytes` })
    if (await store.has(route.courseId, route.hash)) {
      // The client sent without asking `missing` first; its body is dropped.
      return json(request, response, 200, { hash: route.hash, stored: false })
    }
    const started = performance.now()
    const outcome = await receiveUpload(request, store, { ...route, maxBytes })
    switch (outcome.kind) {
      case 'stored':
        log.info(
          {
            event: 'media-stored',
            course: route.courseId,
            hash: route.hash,
            mime: outcome.type.mime,
            declared: mime,
            ms: performance.now() - started,
          },
          'media stored',
        )
        return json(request, response, 201, { hash: route.hash, stored: true })
      case 'already-held':
        return json(request, response, 200, { hash: route.hash, stored: false })
      case 'too-large':
        return refuse(request, response, route, {
          status: 413,
          reason: `media larger than ${maxBytes} bytes`,
        })
      case 'not-media':
        return refuse(request, response, route, {
          status: 415,
          reason: `${NOT_MEDIA}; declared as ${JSON.stringify(mime)}, which does not count`,
        })
      case 'hash-mismatch':
        return refuse(request, response, route, {
          status: 422,
          reason: `the bytes hash to ${outcome.actual}, not to the hash in the path`,
        })
      case 'client-gone':
        log.info(
          { event: 'media-upload-abandoned', course: route.courseId, hash: route.hash },
          'client left mid-upload',
        )
        return
      case 'store-failed':
        log.error(
          {
            event: 'store-failed',
            op: 'media',
            course: route.courseId,
            hash: route.hash,
            err: outcome.message,
          },
          'media store write failed; nothing stored',
        )
        return text(request, response, 500, 'the relay could not store the media; try again later')
    }
  }

  const get = async (
    request: IncomingMessage,
    response: ServerResponse,
    route: Extract<MediaRoute, { kind: 'blob' }>,
  ): Promise<void> => {
    const media = await store.get(route.courseId, route.hash)
    if (media === undefined) return text(request, response, 404, 'the relay does not hold this media')
    // A blob stored before the relay checked bytes may be anything: served only if it is media, as what it is.
    const type = sniffMediaType(await media.head())
    if (type === null)
      return refuse(request, response, route, {
        status: 415,
        reason: `the relay holds this blob but does not serve it: ${NOT_MEDIA}`,
      })
    const etag = `"${route.hash}"`
    const headers = {
      ...CORS,
      'content-type': type.mime,
      'cache-control': IMMUTABLE,
      etag,
      // Served bytes are never interpreted under the relay's origin, even an SVG opened on its own.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    }
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, headers).end()
    response.writeHead(200, { ...headers, 'content-length': media.size })
    if (request.method === 'HEAD') return void response.end()
    return sendMedia(response, media)
  }

  const missing = async (
    request: IncomingMessage,
    response: ServerResponse,
    route: Extract<MediaRoute, { kind: 'missing' }>,
  ): Promise<void> => {
    const body = await readSmallBody(request, MAX_MISSING_BODY)
    if (body === null)
      return refuse(request, response, route, {
        status: 413,
        reason: `ask about at most ${MAX_MISSING_QUERY} hashes at once`,
      })
    let hashes: unknown
    try {
      hashes = JSON.parse(body.toString('utf8'))
    } catch {
      hashes = null
    }
    if (!Array.isArray(hashes) || !hashes.every((hash) => typeof hash === 'string' && isMediaHash(hash)))
      return refuse(request, response, route, {
        status: 400,
        reason: 'body must be a JSON array of SHA-256 hex hashes',
      })
    if (hashes.length > MAX_MISSING_QUERY)
      return refuse(request, response, route, {
        status: 413,
        reason: `ask about at most ${MAX_MISSING_QUERY} hashes at once`,
      })
    json(request, response, 200, await store.missing(route.courseId, hashes as string[]))
  }

  const serve = async (request: IncomingMessage, response: ServerResponse, url: URL, route: MediaRoute) => {
    if (request.method === 'OPTIONS') return void response.writeHead(204, PREFLIGHT).end()
    if (route.kind === 'invalid')
      return refuse(request, response, route, {
        status: 400,
        reason: 'expected /media/<courseId>/<sha256 hex> or /media/<courseId>/missing',
      })
    if (closing()) return text(request, response, 503, 'relay is shutting down')
    const checked = await authorize(url, route.courseId)
    if (!checked.ok) return refuse(request, response, route, checked.error)
    const method = request.method ?? ''
    if (route.kind === 'missing') {
      if (method === 'POST') return missing(request, response, route)
    } else if (method === 'GET' || method === 'HEAD') {
      return get(request, response, route)
    } else if (method === 'PUT') {
      if (!canWrite(checked.value.role, 'content'))
        return refuse(request, response, route, {
          status: 403,
          reason: `a ${checked.value.role} may not add media`,
        })
      return put(request, response, route)
    }
    refuse(request, response, route, { status: 405, reason: `${method} is not allowed here` })
  }

  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = new URL(request.url ?? '/', 'http://relay.invalid')
    const route = parseMediaPath(url.pathname)
    if (route === null) return false
    serve(request, response, url, route).catch((error: unknown) => {
      log.error({ event: 'internal-error', err: String(error), path: url.pathname }, 'media request failed')
      text(request, response, 500, 'internal error')
    })
    return true
  }
}
