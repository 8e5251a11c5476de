const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/ogg': 'ogv',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/webm': 'weba',
}

/** A blob's path in a package. The extension matters: LMS web servers pick the Content-Type from it. */
export const mediaPath = (hash: string, mime: string): string =>
  `media/${hash}.${EXTENSIONS[mime.toLowerCase()] ?? 'bin'}`

/** Already-compressed formats are stored, not deflated again: it saves time and gains nothing. */
export const isCompressed = (path: string): boolean =>
  !/\.(svg|wav|bin)$/.test(path) && path.startsWith('media/')
