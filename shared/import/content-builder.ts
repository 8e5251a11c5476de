/**
 * Builds lesson content (ProseMirror JSON in the editor's schema) from a stream of open/close events, the shape
 * both parsers produce: htmlparser2 for mammoth's HTML and markdown-it's tokens. The builder, not the parsers,
 * enforces the schema's nesting rules, so either source can only ever yield what the editor accepts: text outside
 * a paragraph gets one, a list inside a list gets an item, an image inside a paragraph splits it, and a table is
 * laid out as one paragraph per row.
 */
import { MARK, NODE, type ContentMark, type ContentNode, type ImageAttrs } from '../course/content'
import { safeLinkHref } from './safe-link'
import type { LossCounter } from './losses'

export type BlockType =
  | typeof NODE.paragraph
  | typeof NODE.heading
  | typeof NODE.blockquote
  | typeof NODE.bulletList
  | typeof NODE.orderedList
  | typeof NODE.listItem
  | typeof NODE.codeBlock

interface Frame {
  readonly type: string
  readonly attrs?: Record<string, unknown>
  readonly content: ContentNode[]
  /** Opened by the builder itself (text outside a paragraph), so the source never closes it. */
  readonly implicit: boolean
}

const TEXTBLOCKS: ReadonlySet<string> = new Set([NODE.paragraph, NODE.heading, NODE.codeBlock])
const LISTS: ReadonlySet<string> = new Set([NODE.bulletList, NODE.orderedList])

export interface ContentBuilder {
  openBlock(type: BlockType, attrs?: Record<string, unknown>): void
  closeBlock(type: BlockType): void
  openMark(type: string, attrs?: Record<string, unknown>): void
  closeMark(type: string): void
  /** A link opens a link mark only for a safe address; its text is kept either way. */
  openLink(href: string): void
  closeLink(): void
  text(value: string): void
  hardBreak(): void
  horizontalRule(): void
  image(attrs: ImageAttrs): void
  openTable(): void
  closeTable(): void
  openRow(): void
  closeRow(): void
  openCell(): void
  /** The doc's top-level blocks, every open block closed. */
  finish(): ContentNode[]
}

export const createContentBuilder = (losses: LossCounter): ContentBuilder => {
  const root: Frame = { type: NODE.doc, content: [], implicit: false }
  const stack: Frame[] = [root]
  const marks: ContentMark[] = []
  /** How many link_open events opened a real mark, so unsafe links close nothing. */
  const links: boolean[] = []
  let tableDepth = 0
  let cellsInRow = 0

  /** One mark of each type, the innermost link winning; code text takes no other mark in the editor's schema. */
  const activeMarks = (): ContentMark[] => {
    const byType = new Map<string, ContentMark>()
    for (const mark of marks) byType.set(mark.type, mark)
    const code = byType.get(MARK.code)
    return code === undefined ? [...byType.values()] : [code]
  }

  const top = (): Frame => stack[stack.length - 1] ?? root

  const pop = (): void => {
    const frame = stack.pop()
    if (frame === undefined || frame === root) return
    const node = finishFrame(frame)
    if (node !== null) top().content.push(node)
  }

  const push = (type: string, attrs: Record<string, unknown> | undefined, implicit: boolean): void => {
    // A list holds only items: anything else opened in it goes into a new item.
    if (LISTS.has(top().type) && type !== NODE.listItem) push(NODE.listItem, undefined, true)
    stack.push({ type, ...(attrs === undefined ? {} : { attrs }), content: [], implicit })
  }

  /** Closes paragraphs and other textblocks left open, so a block can go into their container. */
  const leaveTextblock = (): void => {
    while (TEXTBLOCKS.has(top().type)) pop()
  }

  const ensureTextblock = (): void => {
    if (!TEXTBLOCKS.has(top().type)) push(NODE.paragraph, undefined, true)
  }

  const openBlock = (type: BlockType, attrs?: Record<string, unknown>): void => {
    if (tableDepth > 0) {
      // Inside a table every block is flattened into the row's paragraph, separated by a space.
      if (TEXTBLOCKS.has(top().type) && /\S$/.test(lastText(top()))) text(' ')
      return
    }
    leaveTextblock()
    if (type === NODE.listItem && !LISTS.has(top().type)) push(NODE.bulletList, undefined, true)
    push(type, attrs, false)
  }

  const closeBlock = (type: BlockType): void => {
    if (tableDepth > 0) return
    const at = lastIndexOf(stack, (frame) => frame.type === type && !frame.implicit)
    if (at <= 0) return
    while (stack.length > at) pop()
  }

  const text = (value: string): void => {
    if (value === '') return
    // Whitespace between block tags is layout, not text.
    if (!TEXTBLOCKS.has(top().type) && value.trim() === '') return
    ensureTextblock()
    const frame = top()
    if (frame.type === NODE.codeBlock) frame.content.push({ type: NODE.text, text: value })
    else
      frame.content.push(
        marks.length > 0
          ? { type: NODE.text, text: value, marks: activeMarks() }
          : { type: NODE.text, text: value },
      )
  }

  const openMark = (type: string, attrs?: Record<string, unknown>): void => {
    marks.push(attrs === undefined ? { type } : { type, attrs })
  }

  const closeMark = (type: string): void => {
    const at = lastIndexOf(marks, (mark) => mark.type === type)
    if (at >= 0) marks.splice(at, 1)
  }

  /** Ends the open textblock for a block to follow; a paragraph holding nothing yet (`<p><img></p>`) goes. */
  const splitTextblock = (): void => {
    while (TEXTBLOCKS.has(top().type)) {
      if (top().type === NODE.paragraph && top().content.length === 0) stack.pop()
      else pop()
    }
  }

  const block = (node: ContentNode): void => {
    splitTextblock()
    if (tableDepth > 0) {
      // An image in a table cell ends the row's paragraph; the rest of the row continues after it.
      top().content.push(node)
      return
    }
    if (LISTS.has(top().type)) push(NODE.listItem, undefined, true)
    top().content.push(node)
  }

  return {
    openBlock,
    closeBlock,
    openMark,
    closeMark,
    openLink: (href) => {
      const safe = safeLinkHref(href)
      // A bookmark (<a id=…>) is no link at all; a #fragment points inside the source, which the course is not.
      if (safe === null && href.trim() !== '')
        losses.add(href.trim().startsWith('#') ? 'link-internal' : 'link-unsafe')
      links.push(safe !== null)
      if (safe !== null) openMark(MARK.link, linkAttrs(safe))
    },
    closeLink: () => {
      if (links.pop() === true) closeMark(MARK.link)
    },
    text,
    hardBreak: () => {
      ensureTextblock()
      if (top().type === NODE.codeBlock) top().content.push({ type: NODE.text, text: '\n' })
      else top().content.push({ type: NODE.hardBreak })
    },
    horizontalRule: () => block({ type: NODE.horizontalRule }),
    image: (attrs) => block({ type: NODE.image, attrs: { ...attrs } }),
    openTable: () => {
      if (tableDepth === 0) {
        losses.add('table-flattened')
        leaveTextblock()
      }
      tableDepth++
    },
    closeTable: () => {
      tableDepth = Math.max(0, tableDepth - 1)
      if (tableDepth === 0) leaveTextblock()
    },
    openRow: () => {
      if (tableDepth > 1) return text(' ')
      leaveTextblock()
      push(NODE.paragraph, undefined, true)
      cellsInRow = 0
    },
    closeRow: () => {
      if (tableDepth === 1) leaveTextblock()
    },
    openCell: () => {
      if (tableDepth > 1) text(' ')
      else if (cellsInRow > 0) text(/\s$/.test(lastText(top())) ? '| ' : ' | ')
      if (tableDepth === 1) cellsInRow++
    },
    finish: () => {
      while (stack.length > 1) pop()
      return root.content
    },
  }
}

const lastIndexOf = <T>(items: readonly T[], test: (item: T) => boolean): number => {
  for (let at = items.length - 1; at >= 0; at--) if (test(items[at] as T)) return at
  return -1
}

const linkAttrs = (href: string): Record<string, unknown> => ({
  href,
  target: '_blank',
  rel: 'noopener noreferrer nofollow',
  class: null,
  title: null,
})

/** A frame as a node, or null when it would be empty where the schema needs content (an empty list). */
const finishFrame = (frame: Frame): ContentNode | null => {
  const content = TEXTBLOCKS.has(frame.type)
    ? frame.type === NODE.codeBlock
      ? frame.content
      : trimEnds(tidyText(frame.content))
    : frame.content
  const attrs = frame.attrs === undefined ? {} : { attrs: frame.attrs }
  switch (frame.type) {
    case NODE.paragraph:
    case NODE.heading:
    case NODE.codeBlock:
      // An empty paragraph is layout (or held only a dropped image); mammoth drops Word's own empty ones too.
      if (content.length === 0 && (frame.implicit || frame.type === NODE.paragraph)) return null
      return { type: frame.type, ...attrs, ...(content.length > 0 ? { content } : {}) }
    case NODE.listItem: {
      // An item starts with a paragraph in the editor's schema ('paragraph block*').
      const first = content[0]
      const items = first?.type === NODE.paragraph ? content : [{ type: NODE.paragraph }, ...content]
      return { type: NODE.listItem, content: items }
    }
    case NODE.bulletList:
    case NODE.orderedList:
    case NODE.blockquote:
      return content.length === 0 ? null : { type: frame.type, ...attrs, content }
    default:
      return content.length === 0 ? null : { type: frame.type, ...attrs, content }
  }
}

/** A paragraph split around an image, or a row around a cell, should not start or end with a space. */
const trimEnds = (nodes: ContentNode[]): ContentNode[] => {
  const out = [...nodes]
  const first = out[0]
  if (first?.type === NODE.text) out[0] = { ...first, text: (first.text ?? '').replace(/^\s+/, '') }
  const last = out[out.length - 1]
  if (last?.type === NODE.text) out[out.length - 1] = { ...last, text: (last.text ?? '').replace(/\s+$/, '') }
  return out.filter((node) => node.type !== NODE.text || node.text !== '')
}

const lastText = (frame: Frame): string => frame.content[frame.content.length - 1]?.text ?? ''

const sameMarks = (a: ContentNode, b: ContentNode): boolean =>
  JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? [])

/**
 * Merges adjacent text with the same marks (the form the document stores, so a body reads back as written),
 * drops empty text, and leading and trailing hard breaks a converter may leave.
 */
const tidyText = (nodes: readonly ContentNode[]): ContentNode[] => {
  const out: ContentNode[] = []
  for (const node of nodes) {
    if (node.type === NODE.text && (node.text ?? '') === '') continue
    const last = out[out.length - 1]
    if (node.type === NODE.text && last?.type === NODE.text && sameMarks(last, node))
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') }
    else out.push(node)
  }
  while (out[0]?.type === NODE.hardBreak) out.shift()
  while (out[out.length - 1]?.type === NODE.hardBreak) out.pop()
  return out
}
