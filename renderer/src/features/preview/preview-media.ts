import { NODE, type ContentNode } from '../../../../shared/course/content'
import { imageAttrs, mediaAttrs } from '../../../../shared/export/content-attrs'

/** Hashes of the images, videos and audio the lessons show, so only those are encoded for the preview. */
export const usedMediaHashes = (lessons: Iterable<ContentNode>): Set<string> => {
  const used = new Set<string>()
  const visit = (node: ContentNode): void => {
    const attrs =
      node.type === NODE.image
        ? imageAttrs(node)
        : node.type === NODE.video || node.type === NODE.audio
          ? mediaAttrs(node)
          : null
    if (attrs) used.add(attrs.hash)
    node.content?.forEach(visit)
  }
  for (const lesson of lessons) visit(lesson)
  return used
}

/**
 * The media type a data: URL is labelled with. The stored type comes from whoever added the file (possibly a
 * co-author's app), and a comma or semicolon in it would change how the URL is read.
 */
export const dataUrlMediaType = (mime: string): string =>
  /^(image|video|audio)\/[a-z0-9.+-]+$/i.test(mime) ? mime.toLowerCase() : 'application/octet-stream'
