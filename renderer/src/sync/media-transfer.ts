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

export async function downloadMedia(
  endpoint: MediaEndpoint,
  hash: string,
  signal: AbortSignal,
): Promise<Transfer<Downloaded>> {
  try {
    const response = await fetch(mediaBlobUrl(endpoint.relayUrl, endpoint.courseId, hash, endpoint.token), {
      signal,
      // The relay marks blobs immutable; the browser's cache would only keep a second copy beside IndexedDB.
      cache: 'no-store',
    })
    if (!response.ok) return refused(response)
    const mime = response.headers.get('content-type') ?? ''
    return { kind: 'done', value: { mime, bytes: new Uint8Array(await response.arrayBuffer()) } }
  } catch (thrown) {
    return unreachable(thrown)
  }
}
