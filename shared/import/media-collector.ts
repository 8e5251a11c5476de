/**
 * Images found in a document become media of the course by content hash, through the same allow-list and size
 * limit as any image an author adds: the bytes decide the type (shared/media/media-types.ts), never a name.
 */
import type { ImageAttrs } from '../course/content'
import { sha256Hex } from '../course-file/sha256'
import type { MediaBlob } from '../export/types'
import { MEDIA_MAX_BYTES, sniffMediaType } from '../media/media-types'
import type { LossCounter } from './losses'

export interface MediaCollector {
  /** The image's attrs once stored, or null when it is refused (and counted as a loss). */
  add(bytes: Uint8Array, alt: string): Promise<ImageAttrs | null>
  /** Every accepted image by hash. */
  readonly media: ReadonlyMap<string, MediaBlob>
  /** How many image blocks were made (an image used twice counts twice, is stored once). */
  readonly placed: () => number
}

export const createMediaCollector = (losses: LossCounter): MediaCollector => {
  const media = new Map<string, MediaBlob>()
  let placed = 0
  return {
    media,
    placed: () => placed,
    add: async (bytes, alt) => {
      const type = sniffMediaType(bytes)
      if (type === null || !type.kinds.includes('image')) {
        losses.add('image-unsupported')
        return null
      }
      if (bytes.length > MEDIA_MAX_BYTES.image) {
        losses.add('image-too-large')
        return null
      }
      const hash = await sha256Hex(bytes)
      if (!media.has(hash)) media.set(hash, { bytes, mime: type.mime })
      placed++
      return { hash, alt, mime: type.mime }
    },
  }
}
