import { mediaTypeOfMime, sniffMediaType } from '../media/media-types'
import type { MediaBlob } from './types'

/**
 * A blob as a package may carry it: only if its bytes are an allowed media type, and then under the type they
 * are, whatever type it was stored with. Anything else (an SVG, an HTML page) is left out, and the lesson shows
 * it as missing media: in a package it would run scripts in the LMS's origin.
 */
export const exportableMedia = (blob: MediaBlob | undefined): MediaBlob | undefined => {
  if (blob === undefined) return undefined
  const type = sniffMediaType(blob.bytes)
  return type === null ? undefined : { bytes: blob.bytes, mime: type.mime }
}

/**
 * A blob's path in a package. The extension matters: LMS web servers pick the Content-Type from it. Only blobs
 * that passed exportableMedia get here, so the extension is always one of the allowed types'.
 */
export const mediaPath = (hash: string, mime: string): string =>
  `media/${hash}.${mediaTypeOfMime(mime)?.extension ?? 'bin'}`

/** Already-compressed formats are stored, not deflated again: it saves time and gains nothing. */
export const isCompressed = (path: string): boolean => !/\.(wav|bin)$/.test(path) && path.startsWith('media/')
