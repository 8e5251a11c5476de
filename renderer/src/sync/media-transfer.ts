import type { CourseId } from '../../../shared/course/types'
import { MAX_MISSING_QUERY, mediaBlobUrl, mediaMissingUrl } from '../../../shared/protocol/media'

/** Where a course's media go: its relay (ws:// or wss:// URL, as stored in the relay link) and the token. */
export interface MediaEndpoint {
  readonly relayUrl: string
  readonly courseId: CourseId
  readonly token: string
}

/** What one request to the relay came to. `refused` carries the HTTP status; `unreachable` a network failure. */
export type TransferFailure =
  | { readonly kind: 'refused'; readonly status: number; readonly reason: string }
  | { readonly kind: 'unreachable'; readonly reason: string }

export type Transfer<T> = { readonly kind: 'done'; readonly value: T } | TransferFailure

const unreachable = (thrown: unknown): TransferFailure => ({
  kind: 'unreachable',
  reason: thrown instanceof Error ? thrown.message : String(thrown),
})

const refused = async (response: Response): Promise<TransferFailure> => ({
  kind: 'refused',
  status: response.status,
  reason: (await response.text().catch(() => '')).trim(),
})

/** Of `hashes`, those the relay does not hold; asked in batches the relay accepts. */
export async function askMissing(
  endpoint: MediaEndpoint,
  hashes: readonly string[],
  signal: AbortSignal,
): Promise<Transfer<string[]>> {
  const lacking: string[] = []
  for (let at = 0; at < hashes.length; at += MAX_MISSING_QUERY) {
    try {
      const response = await fetch(mediaMissingUrl(endpoint.relayUrl, endpoint.courseId, endpoint.token), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(hashes.slice(at, at + MAX_MISSING_QUERY)),
        signal,
      })
      if (!response.ok) return refused(response)
      const answer: unknown = await response.json()
      if (Array.isArray(answer))
        lacking.push(...answer.filter((hash): hash is string => typeof hash === 'string'))
    } catch (thrown) {
      return unreachable(thrown)
    }
  }
  return { kind: 'done', value: lacking }
}

export async function uploadMedia(
  endpoint: MediaEndpoint,
  hash: string,
  mime: string,
  bytes: Uint8Array | Blob,
  signal: AbortSignal,
): Promise<Transfer<void>> {
  try {
    const response = await fetch(mediaBlobUrl(endpoint.relayUrl, endpoint.courseId, hash, endpoint.token), {
      method: 'PUT',
      headers: { 'content-type': mime },
      body: bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }),
      signal,
    })
    return response.ok ? { kind: 'done', value: undefined } : refused(response)
  } catch (thrown) {
    return unreachable(thrown)
  }
}

export interface Downloaded {
  readonly mime: string
  readonly bytes: Uint8Array
}

/** Bytes received so far, and in all when the relay said (its Content-Length). */
export type OnProgress = (moved: number, size: number | null) => void

const grown = (buffer: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> => {
  const next = new Uint8Array(Math.max(needed, buffer.byteLength * 2))
  next.set(buffer)
  return next
}

/**
 * A response's body, reported as it arrives. It is copied into one buffer of the announced size, so a large
 * video is not held twice (as chunks and as their concatenation).
 */
export async function readWithProgress(
  response: Response,
  onProgress: OnProgress,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'))
  const size = Number.isSafeInteger(declared) && declared > 0 ? declared : null
  if (response.body === null) return new Uint8Array(await response.arrayBuffer())
  const reader = response.body.getReader()
  let buffer = new Uint8Array(size ?? 0)
  let moved = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (moved + value.byteLength > buffer.byteLength) buffer = grown(buffer, moved + value.byteLength)
    buffer.set(value, moved)
    moved += value.byteLength
    onProgress(moved, size)
  }
  // A view would keep (and IndexedDB would store) the whole larger buffer behind it: copy the bytes out.
  return moved === buffer.byteLength ? buffer : buffer.slice(0, moved)
}

export async function downloadMedia(
  endpoint: MediaEndpoint,
  hash: string,
  signal: AbortSignal,
  onProgress: OnProgress = () => {},
): Promise<Transfer<Downloaded>> {
  try {
    const response = await fetch(mediaBlobUrl(endpoint.relayUrl, endpoint.courseId, hash, endpoint.token), {
      signal,
      // The relay marks blobs immutable; the browser's cache would only keep a second copy beside IndexedDB.
      cache: 'no-store',
    })
    if (!response.ok) return refused(response)
    const mime = response.headers.get('content-type') ?? ''
    return { kind: 'done', value: { mime, bytes: await readWithProgress(response, onProgress) } }
  } catch (thrown) {
    return unreachable(thrown)
  }
}

/** Why a request failed, in words for the user; `what` is what the request was for. */
export function describeFailure(what: 'ask' | 'upload' | 'download', failure: TransferFailure): string {
  if (failure.kind === 'unreachable') return 'the relay cannot be reached'
  const { status } = failure
  if (status === 401) return 'the relay no longer accepts this device’s invitation to the course'
  if (status === 403) return 'your role in this course does not allow adding media'
  if (status === 404 && what === 'download')
    return 'the co-author who added it has not sent it to the relay yet'
  if (status === 413) return 'it is larger than the relay accepts'
  if (status === 415) return 'the relay does not accept its file type'
  if (status === 422) return 'the relay found its contents damaged'
  if (status === 429) return 'the relay is busy'
  return status >= 500 ? `the relay had a problem (${status})` : `the relay refused it (${status})`
}
