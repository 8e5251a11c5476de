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
    let type: MediaType | null = null

    const finish = (outcome: UploadOutcome): void => {
      if (settled) return
      settled = true
      request.off('data', onData)
      request.off('end', onEnd)
      if (outcome.kind !== 'stored' && outcome.kind !== 'already-held') upload.abort()
      resolve(outcome)
    }
    /** Sniffs the buffered head once; null (and the upload finished) when it is not media. */
    const sniffed = (): MediaType | null => {
      type ??= sniffMediaType(pending.subarray(0, filled))
      if (type === null) finish({ kind: 'not-media' })
      return type
    }
    const flush = (): void => {
      if (filled === 0) return
      // SQLite copies the bound bytes, so the buffer can be filled again at once.
      upload.append(pending.subarray(0, filled))
      filled = 0
    }
    const onData = (data: Buffer): void => {
      total += data.length
      if (total > target.maxBytes) return finish({ kind: 'too-large' })
      digest.update(data)
      try {
        for (let at = 0; at < data.length;) {
          const copied = data.copy(pending, filled, at)
          filled += copied
          at += copied
          if (filled === CHUNK_BYTES) {
            if (sniffed() === null) return
            flush()
          }
        }
        if (type === null && filled >= SNIFF_BYTES) sniffed()
      } catch (error) {
        finish({ kind: 'store-failed', message: messageOf(error) })
      }
    }
    const onEnd = (): void => {
      try {
        const known = sniffed()
        if (known === null) return
        flush()
        const actual = digest.digest('hex')
        if (actual !== target.hash) return finish({ kind: 'hash-mismatch', actual })
        const added = upload.commit(target.courseId, target.hash, known.mime, total)
        finish(added ? { kind: 'stored', type: known } : { kind: 'already-held' })
      } catch (error) {
        finish({ kind: 'store-failed', message: messageOf(error) })
      }
    }

    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', () => finish({ kind: 'client-gone' }))
    // After 'end' this changes nothing; before it, the client hung up mid-body.
    request.on('close', () => finish({ kind: 'client-gone' }))
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
