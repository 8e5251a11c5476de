import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { SNIFF_BYTES, sniffMediaType, type MediaType } from '../../../shared/media/media-types'
import { CHUNK_BYTES, type MediaStore } from './media-store'

export type UploadOutcome =
  | { readonly kind: 'stored'; readonly type: MediaType }
  | { readonly kind: 'already-held' }
  | { readonly kind: 'too-large' }
  /** The leading bytes are not an allowed media type (shared/media/media-types.ts). */
  | { readonly kind: 'not-media' }
  | { readonly kind: 'hash-mismatch'; readonly actual: string }
  | { readonly kind: 'client-gone' }
  | { readonly kind: 'store-failed'; readonly message: string }

export interface UploadTarget {
  readonly courseId: string
  readonly hash: string
  readonly maxBytes: number
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Streams a request body into the store while hashing it: memory stays at one chunk per upload whatever the
 * body's size. The blob is published only if the bytes hash to the name the client gave them; otherwise, and
 * on any failure, what was written is dropped. Stops reading as soon as the body passes `maxBytes`, or as soon
 * as its first SNIFF_BYTES show it is not an allowed media type: the type stored is the one the bytes are, never
 * the one the client declared. The first chunk is only written once full, so the check comes before any write.
 *
 * The store is asynchronous, so the request is paused while a piece of it is handled and every store call runs
 * on one chain, in order: a chunk's buffer is refilled only after its write resolved, and the abort of a failed
 * upload runs after any write still in flight, so it leaves nothing behind.
 */
export const receiveUpload = (
  request: IncomingMessage,
  store: MediaStore,
  target: UploadTarget,
): Promise<UploadOutcome> =>
  new Promise((resolve) => {
    const upload = store.begin()
    const digest = createHash('sha256')
    const pending = Buffer.allocUnsafe(CHUNK_BYTES)
    let filled = 0
    let total = 0
    let settled = false
    let ended = false
    let type: MediaType | null = null
    let chain = Promise.resolve()

    const finish = (outcome: UploadOutcome): void => {
      if (settled) return
      settled = true
      request.off('data', onData)
      request.off('end', onEnd)
      const failed = outcome.kind !== 'stored' && outcome.kind !== 'already-held'
      chain = chain.then(async () => {
        if (failed) await upload.abort()
        resolve(outcome)
      })
    }
    /** Runs `step` after every earlier one; a store failure ends the upload. */
    const then = (step: () => Promise<void>): void => {
      chain = chain
        .then(() => (settled ? undefined : step()))
        .catch((error: unknown) => finish({ kind: 'store-failed', message: messageOf(error) }))
    }
    /** Sniffs the buffered head once; null (and the upload finished) when it is not media. */
    const sniffed = (): MediaType | null => {
      type ??= sniffMediaType(pending.subarray(0, filled))
      if (type === null) finish({ kind: 'not-media' })
      return type
    }
    const flush = async (): Promise<void> => {
      if (filled === 0) return
      await upload.append(pending.subarray(0, filled))
      filled = 0
    }
    const take = async (data: Buffer): Promise<void> => {
      for (let at = 0; at < data.length;) {
        const copied = data.copy(pending, filled, at)
        filled += copied
        at += copied
        if (filled === CHUNK_BYTES) {
          if (sniffed() === null) return
          await flush()
          // Finished meanwhile (the client hung up): the rest is not worth writing.
          if (settled) return
        }
      }
      if (type === null && filled >= SNIFF_BYTES) sniffed()
      if (!settled) request.resume()
    }
    const onData = (data: Buffer): void => {
      total += data.length
      if (total > target.maxBytes) return finish({ kind: 'too-large' })
      digest.update(data)
      request.pause()
      then(() => take(data))
    }
    const onEnd = (): void => {
      ended = true
      then(async () => {
        const known = sniffed()
        if (known === null) return
        await flush()
        const actual = digest.digest('hex')
        if (actual !== target.hash) return finish({ kind: 'hash-mismatch', actual })
        const added = await upload.commit(target.courseId, target.hash, known.mime, total)
        finish(added ? { kind: 'stored', type: known } : { kind: 'already-held' })
      })
    }

    request.on('data', onData)
    request.on('end', onEnd)
    // After 'end' the body is whole and its commit may still be running; before it, the client hung up mid-body.
    const gone = (): void => {
      if (!ended) finish({ kind: 'client-gone' })
    }
    request.on('error', gone)
    request.on('close', gone)
  })

/** A small request body (a JSON question), or null once it passes `maxBytes`. */
export const readSmallBody = (request: IncomingMessage, maxBytes: number): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    let total = 0
    const onData = (data: Buffer): void => {
      total += data.length
      if (total > maxBytes) {
        request.off('data', onData)
        return resolve(null)
      }
      parts.push(data)
    }
    request.on('data', onData)
    request.on('end', () => resolve(Buffer.concat(parts)))
    request.on('error', reject)
    request.on('close', () => reject(new Error('client hung up')))
  })
