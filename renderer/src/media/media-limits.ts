import {
  declaredNamesFor,
  describeMediaTypes,
  MEDIA_MAX_BYTES,
  mediaTypeDeclaredAs,
  sniffMediaType,
  type MediaKind,
} from '../../../shared/media/media-types'

/**
 * What media an author may add to a lesson, and how large. The types and sizes are shared/media/media-types.ts's,
 * the one list the relay, course files and exports check too; a file is what its bytes are, whatever its name or
 * declared type says.
 */
export type { MediaKind }

export const MEDIA_LIMITS: Readonly<
  Record<MediaKind, { readonly maxBytes: number; readonly mimes: readonly string[] }>
> = {
  image: { maxBytes: MEDIA_MAX_BYTES.image, mimes: declaredNamesFor('image') },
  video: { maxBytes: MEDIA_MAX_BYTES.video, mimes: declaredNamesFor('video') },
  audio: { maxBytes: MEDIA_MAX_BYTES.audio, mimes: declaredNamesFor('audio') },
}

/** The kind a declared type usually is, or null: a hint for paste and drop, never a check. */
export const mediaKindOf = (mime: string): MediaKind | null => mediaTypeDeclaredAs(mime)?.kinds[0] ?? null

/** What the file picker offers for a kind. */
export const acceptFor = (kind: MediaKind): string => MEDIA_LIMITS[kind].mimes.join(',')

const MB = 1024 * 1024
const sizeText = (bytes: number): string => `${Math.round(bytes / MB)} MB`

const KIND_NAMES: Readonly<Record<MediaKind, string>> = {
  image: 'an image',
  video: 'a video',
  audio: 'an audio file',
}

export type MediaCheck =
  | { readonly ok: true; readonly kind: MediaKind; readonly mime: string }
  | { readonly ok: false; readonly message: string }

/**
 * Whether a file may go into a lesson, judged by `head`, its first bytes (at least SNIFF_BYTES), not by its name
 * or declared type: an SVG renamed `.png` is refused. `expected` is the kind the author asked for (Insert →
 * Image), or null when any kind will do (paste, drop). Messages name the file and say what to do.
 */
export const checkMediaFile = (
  file: { readonly name: string; readonly size: number },
  head: Uint8Array,
  expected: MediaKind | null,
): MediaCheck => {
  const name = file.name === '' ? 'The file' : `“${file.name}”`
  if (file.size === 0) return { ok: false, message: `${name} is empty.` }
  const type = sniffMediaType(head)
  const kind =
    type === null ? null : expected === null ? type.kinds[0] : type.kinds.find((k) => k === expected)
  if (type === null || kind === undefined || kind === null) {
    const wanted = expected ?? 'image'
    return {
      ok: false,
      message: `${name} is not ${KIND_NAMES[wanted]} Chorus can use. Choose a ${describeMediaTypes(wanted)} file${expected === null ? ', or a video or audio file' : ''}.`,
    }
  }
  const { maxBytes } = MEDIA_LIMITS[kind]
  if (file.size > maxBytes)
    return {
      ok: false,
      message: `${name} is ${sizeText(file.size)}; ${KIND_NAMES[kind]} can be at most ${sizeText(maxBytes)}. Make it smaller and try again.`,
    }
  return { ok: true, kind, mime: type.mime }
}
