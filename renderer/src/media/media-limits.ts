/**
 * What media an author may add to a lesson, and how large: the one place these limits live. Types are those a
 * browser plays without plugins and the exporter knows a file extension for (shared/export/media-files.ts).
 */
export type MediaKind = 'image' | 'video' | 'audio'

const MB = 1024 * 1024

export const MEDIA_LIMITS: Readonly<
  Record<MediaKind, { readonly maxBytes: number; readonly mimes: readonly string[] }>
> = {
  // SVG is left out: it is a document that can carry scripts, not a picture.
  image: { maxBytes: 20 * MB, mimes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'] },
  video: { maxBytes: 200 * MB, mimes: ['video/mp4', 'video/webm', 'video/ogg'] },
  audio: {
    maxBytes: 200 * MB,
    mimes: ['audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/webm'],
  },
}

/** Other names browsers give the same formats, mapped to the ones above. */
const MIME_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/x-m4a': 'audio/mp4',
}

export const normalizeMime = (mime: string): string => {
  const bare = mime.split(';')[0]?.trim().toLowerCase() ?? ''
  return MIME_ALIASES[bare] ?? bare
}

export const mediaKindOf = (mime: string): MediaKind | null => {
  const type = normalizeMime(mime)
  const kinds = Object.keys(MEDIA_LIMITS) as MediaKind[]
  return kinds.find((kind) => MEDIA_LIMITS[kind].mimes.includes(type)) ?? null
}

/** What the file picker offers for a kind. */
export const acceptFor = (kind: MediaKind): string => MEDIA_LIMITS[kind].mimes.join(',')

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
 * Whether a file may go into a lesson. `expected` is the kind the author asked for (Insert → Image), or null when
 * any kind will do (paste, drop). Messages name the file and say what to do.
 */
export const checkMediaFile = (
  file: { readonly name: string; readonly size: number; readonly type: string },
  expected: MediaKind | null,
): MediaCheck => {
  const mime = normalizeMime(file.type)
  const kind = mediaKindOf(mime)
  const name = file.name === '' ? 'The file' : `“${file.name}”`
  if (kind === null || (expected !== null && kind !== expected)) {
    const wanted = expected ?? 'image'
    const formats = MEDIA_LIMITS[wanted].mimes.map((m) => m.split('/')[1]?.toUpperCase()).join(', ')
    return {
      ok: false,
      message: `${name} is not ${KIND_NAMES[wanted]} Chorus can use. Choose a ${formats} file${expected === null ? ', or a video or audio file' : ''}.`,
    }
  }
  const { maxBytes } = MEDIA_LIMITS[kind]
  if (file.size > maxBytes)
    return {
      ok: false,
      message: `${name} is ${sizeText(file.size)}; ${KIND_NAMES[kind]} can be at most ${sizeText(maxBytes)}. Make it smaller and try again.`,
    }
  if (file.size === 0) return { ok: false, message: `${name} is empty.` }
  return { ok: true, kind, mime }
}
