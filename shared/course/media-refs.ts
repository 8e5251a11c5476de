import * as Y from 'yjs'
import { isMediaHash, NODE } from './content'
import { lessonBodyOf, lessonsMap } from './schema'

const MEDIA_NODES: ReadonlySet<string> = new Set([NODE.image, NODE.video, NODE.audio])

const collect = (parent: Y.XmlFragment | Y.XmlElement, found: Map<string, string>): void => {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (MEDIA_NODES.has(child.nodeName)) {
      const attrs = child.getAttributes() as Record<string, unknown>
      const hash = typeof attrs.hash === 'string' ? attrs.hash.toLowerCase() : ''
      if (isMediaHash(hash) && !found.has(hash))
        found.set(hash, typeof attrs.mime === 'string' ? attrs.mime : '')
    }
    collect(child, found)
  }
}

/**
 * Every media blob the course's lesson bodies reference, as hash → mime ('' when a block names none).
 * Walks the Y types directly rather than converting each body to JSON: media sync calls this after every burst
 * of edits, and a large course should not pay for a full copy of its text each time. A malformed hash is skipped,
 * as the exporter skips it (shared/export/content-attrs.ts).
 */
export const mediaReferences = (doc: Y.Doc): Map<string, string> => {
  const found = new Map<string, string>()
  for (const lesson of lessonsMap(doc).values()) {
    const body = lessonBodyOf(lesson)
    if (body !== undefined) collect(body, found)
  }
  return found
}
