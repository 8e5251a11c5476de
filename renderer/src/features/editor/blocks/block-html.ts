import type { Attributes } from '@tiptap/core'
import type { DOMOutputSpec, Node as PMNode } from '@tiptap/pm/model'

/**
 * How Chorus's own blocks travel through HTML (copy and paste, drag between lessons): one element tagged with
 * the block's name and its attrs as JSON. Only this markup parses back into a block, so pasted `<img>` tags
 * from web pages (remote addresses) never become images: media are always local blobs.
 */
const BLOCK = 'data-chorus-block'
const ATTRS = 'data-attrs'

/** Attrs kept as JSON values (arrays and objects included) and never written as separate HTML attributes. */
export const jsonAttributes = (defaults: Readonly<Record<string, unknown>>): Attributes =>
  Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [name, { default: value, rendered: false }]),
  )

const readAttrs = (element: HTMLElement): Record<string, unknown> | false => {
  try {
    const value: unknown = JSON.parse(element.getAttribute(ATTRS) ?? '{}')
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : false
  } catch {
    return false
  }
}

export const blockParseRules = (name: string, tag: string) => [
  { tag: `${tag}[${BLOCK}="${name}"]`, getAttrs: readAttrs },
]

export const blockHtml = (name: string, tag: string, node: PMNode, hasContent: boolean): DOMOutputSpec => {
  const attrs = { [BLOCK]: name, [ATTRS]: JSON.stringify(node.attrs) }
  return hasContent ? [tag, attrs, 0] : [tag, attrs]
}
