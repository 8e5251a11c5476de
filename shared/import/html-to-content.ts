/**
 * mammoth's HTML to lesson content. mammoth writes a small, regular subset of HTML (p, h1–h6, strong, em, u, s,
 * a, img, br, ul/ol/li, table/tr/td/th), which htmlparser2 reads without a DOM; the builder
 * keeps the result inside the editor's schema. Images arrive as `chorus-media:<n>` addresses that name the
 * images mammoth handed over, so nothing is ever fetched from an address in the document.
 */
import { Parser } from 'htmlparser2'
import { MARK, NODE, type ContentNode, type ImageAttrs } from '../course/content'
import { createContentBuilder, type BlockType } from './content-builder'
import type { LossCounter } from './losses'

export const MEDIA_SRC_PREFIX = 'chorus-media:'

const HEADINGS: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 }

const MARKS: Readonly<Record<string, string>> = {
  strong: MARK.bold,
  b: MARK.bold,
  em: MARK.italic,
  i: MARK.italic,
  u: MARK.underline,
  s: MARK.strike,
  del: MARK.strike,
  code: MARK.code,
}

const BLOCKS: Readonly<Record<string, BlockType>> = {
  p: NODE.paragraph,
  blockquote: NODE.blockquote,
  ul: NODE.bulletList,
  ol: NODE.orderedList,
  li: NODE.listItem,
  pre: NODE.codeBlock,
}

/** `images` maps the n in `chorus-media:<n>` to the stored image (null when it was refused and counted). */
export const htmlToContent = (
  html: string,
  images: ReadonlyMap<string, ImageAttrs | null>,
  losses: LossCounter,
): ContentNode[] => {
  const builder = createContentBuilder(losses)
  const openTag = (name: string, attrs: Record<string, string>): void => {
    const level = HEADINGS[name]
    if (level !== undefined) return builder.openBlock(NODE.heading, { level })
    const block = BLOCKS[name]
    if (block !== undefined) {
      const start = Number(attrs.start)
      return builder.openBlock(
        block,
        block === NODE.orderedList ? { start: Number.isInteger(start) ? start : 1 } : undefined,
      )
    }
    const mark = MARKS[name]
    if (mark !== undefined) return builder.openMark(mark)
    switch (name) {
      case 'a':
        return builder.openLink(attrs.href ?? '')
      case 'br':
        return builder.hardBreak()
      case 'hr':
        return builder.horizontalRule()
      case 'img': {
        const src = attrs.src ?? ''
        const image = src.startsWith(MEDIA_SRC_PREFIX)
          ? images.get(src.slice(MEDIA_SRC_PREFIX.length))
          : undefined
        if (image) builder.image({ ...image, alt: attrs.alt ?? image.alt })
        // null: refused and counted when mammoth handed it over; undefined: not ours, which mammoth never writes.
        return
      }
      case 'table':
        return builder.openTable()
      case 'tr':
        return builder.openRow()
      case 'td':
      case 'th':
        return builder.openCell()
    }
  }
  const closeTag = (name: string): void => {
    if (HEADINGS[name] !== undefined) return builder.closeBlock(NODE.heading)
    const block = BLOCKS[name]
    if (block !== undefined) return builder.closeBlock(block)
    const mark = MARKS[name]
    if (mark !== undefined) return builder.closeMark(mark)
    if (name === 'a') return builder.closeLink()
    if (name === 'table') return builder.closeTable()
    if (name === 'tr') return builder.closeRow()
  }
  const parser = new Parser(
    { onopentag: openTag, onclosetag: closeTag, ontext: (text) => builder.text(text) },
    { decodeEntities: true, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  return builder.finish()
}
