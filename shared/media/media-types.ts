/**
 * The one list of media types Chorus stores, syncs, imports and exports, each recognised by its leading bytes.
 * What a sender declares (a Content-Type, a file's type, a header entry) is never trusted: an SVG or HTML file
 * named `.png` would otherwise reach a browser, or an LMS, as a document that runs scripts. Nothing here may be
 * a format a browser interprets as a document: no SVG, no HTML, no XML, no PDF.
 */
export type MediaKind = 'image' | 'video' | 'audio'

const MB = 1024 * 1024

/** The largest file of each kind an author may add, or a course file may carry. */
export const MEDIA_MAX_BYTES: Readonly<Record<MediaKind, number>> = {
  image: 20 * MB,
  video: 200 * MB,
  audio: 200 * MB,
}

/** The largest any media file may be, whatever its kind. */
export const LARGEST_MEDIA_BYTES = Math.max(...Object.values(MEDIA_MAX_BYTES))

/** The most bytes a file of `type` may have: the limit of the largest kind it can fill. */
export const maxBytesOf = (type: MediaType): number =>
  Math.max(...type.kinds.map((kind) => MEDIA_MAX_BYTES[kind]))

export interface MediaType {
  /** The canonical MIME type: what the relay serves and the app stores. */
  readonly mime: string
  /** The file extension in an export, without the dot: LMS web servers pick the Content-Type from it. */
  readonly extension: string
  /** The kinds of block it may fill, first the usual one: a WebM or Ogg file may hold only sound. */
  readonly kinds: readonly MediaKind[]
  /** The names browsers and operating systems declare it under, for file pickers and quick pre-checks. */
  readonly declaredAs: readonly string[]
}

const type = (
  mime: string,
  extension: string,
  kinds: readonly MediaKind[],
  declaredAs: readonly string[] = [mime],
): MediaType => ({ mime, extension, kinds, declaredAs })

export const MEDIA_TYPES = {
  png: type('image/png', 'png', ['image']),
  jpeg: type('image/jpeg', 'jpg', ['image'], ['image/jpeg', 'image/jpg']),
  gif: type('image/gif', 'gif', ['image']),
  webp: type('image/webp', 'webp', ['image']),
  avif: type('image/avif', 'avif', ['image']),
  mp4: type('video/mp4', 'mp4', ['video', 'audio']),
  m4a: type('audio/mp4', 'm4a', ['audio'], ['audio/mp4', 'audio/x-m4a', 'audio/m4a']),
  webm: type('video/webm', 'webm', ['video', 'audio'], ['video/webm', 'audio/webm']),
  mp3: type('audio/mpeg', 'mp3', ['audio'], ['audio/mpeg', 'audio/mp3']),
  ogg: type('audio/ogg', 'ogg', ['audio', 'video'], ['audio/ogg', 'video/ogg', 'application/ogg']),
  wav: type('audio/wav', 'wav', ['audio'], ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave']),
} as const satisfies Record<string, MediaType>

const ALL: readonly MediaType[] = Object.values(MEDIA_TYPES)

/** How many leading bytes `sniffMediaType` reads: a caller streaming a file buffers this much first. */
export const SNIFF_BYTES = 64

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  if (bytes.length < at + text.length) return false
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false
  return true
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte)

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff]
const EBML_SIGNATURE = [0x1a, 0x45, 0xdf, 0xa3]

/** ISO base media (MP4, M4A, AVIF): `ftyp` at offset 4, then the major brand. HEIC and QuickTime are not listed. */
const isoBrandType = (bytes: Uint8Array): MediaType | null => {
  if (!ascii(bytes, 4, 'ftyp') || bytes.length < 12) return null
  const brand = String.fromCharCode(...bytes.subarray(8, 12))
  if (brand === 'avif' || brand === 'avis') return MEDIA_TYPES.avif
  if (brand === 'M4A ' || brand === 'M4B ') return MEDIA_TYPES.m4a
  if (/^(isom|iso[2-9]|mp41|mp42|mmp4|avc1|dash|M4V |f4v |MSNV|3gp[4-6])$/.test(brand)) return MEDIA_TYPES.mp4
  return null
}

/** Matroska's EBML header names its doctype near the start; only the WebM profile is a browser format. */
const isWebm = (bytes: Uint8Array): boolean => {
  if (!startsWith(bytes, EBML_SIGNATURE)) return false
  const end = Math.min(bytes.length, SNIFF_BYTES)
  for (let at = 4; at + 4 <= end; at++) if (ascii(bytes, at, 'webm')) return true
  return false
}

/** An ID3 tag, or an MPEG-1/2 layer III frame header (11 sync bits, a known version, layer bits 01). */
const isMp3 = (bytes: Uint8Array): boolean => {
  if (ascii(bytes, 0, 'ID3')) return true
  const [sync = 0, flags = 0] = bytes
  return sync === 0xff && (flags & 0xe0) === 0xe0 && ((flags >> 3) & 3) !== 1 && ((flags >> 1) & 3) === 1
}

/**
 * The media type `bytes` (a whole file, or at least its first SNIFF_BYTES) really are, or null for anything not
 * on the list: SVG, HTML, text, archives, or bytes too short to tell.
 */
export const sniffMediaType = (bytes: Uint8Array): MediaType | null => {
  if (startsWith(bytes, PNG_SIGNATURE)) return MEDIA_TYPES.png
  if (startsWith(bytes, JPEG_SIGNATURE)) return MEDIA_TYPES.jpeg
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return MEDIA_TYPES.gif
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return MEDIA_TYPES.webp
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return MEDIA_TYPES.wav
  if (ascii(bytes, 0, 'OggS')) return MEDIA_TYPES.ogg
  if (isWebm(bytes)) return MEDIA_TYPES.webm
  if (isMp3(bytes)) return MEDIA_TYPES.mp3
  return isoBrandType(bytes)
}

/** The type whose canonical MIME is `mime` (case and parameters ignored), or null. */
export const mediaTypeOfMime = (mime: string): MediaType | null => {
  const bare = mime.split(';', 1)[0]?.trim().toLowerCase() ?? ''
  return ALL.find((candidate) => candidate.mime === bare) ?? null
}

/** The type a file claims to be by one of its declared names, or null: a hint for pickers, never a check. */
export const mediaTypeDeclaredAs = (declared: string): MediaType | null => {
  const bare = declared.split(';', 1)[0]?.trim().toLowerCase() ?? ''
  return ALL.find((candidate) => candidate.declaredAs.includes(bare)) ?? null
}

/** Every declared name of the types that may fill a block of `kind`. */
export const declaredNamesFor = (kind: MediaKind): readonly string[] =>
  ALL.filter((candidate) => candidate.kinds.includes(kind)).flatMap((candidate) => candidate.declaredAs)

/** The allowed types in words, for messages: "PNG, JPEG, GIF, …". */
export const describeMediaTypes = (kind?: MediaKind): string =>
  ALL.filter((candidate) => kind === undefined || candidate.kinds[0] === kind)
    .map((candidate) => candidate.extension.toUpperCase())
    .join(', ')
