/**
 * Markdown to lesson content through markdown-it's token stream (CommonMark, plus GitHub's tables and
 * strikethrough that wiki pages use). Raw HTML is off: it stays visible as text rather than becoming markup.
 * Images are read through `readImage` (files beside the document, or in its zip); web addresses are never
 * fetched.
 */
import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { MARK, NODE, type ContentNode, type ImageAttrs } from '../course/content'
import { createContentBuilder, type BlockType, type ContentBuilder } from './content-builder'
import type { LossCounter } from './losses'
import type { MediaCollector } from './media-collector'

/** The bytes of the image at `src` (relative to the document), or null if there is none. */
export type ImageReader = (src: string) => Uint8Array | null

const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false })
// markdown-it would leave a `javascript:` link as its raw source; the builder drops it, keeps its text and says so.
parser.validateLink = () => true

const BLOCKS: Readonly<Record<string, BlockType>> = {
  paragraph: NODE.paragraph,
  blockquote: NODE.blockquote,
  bullet_list: NODE.bulletList,
  ordered_list: NODE.orderedList,
  list_item: NODE.listItem,
}

const MARKS: Readonly<Record<string, string>> = { strong: MARK.bold, em: MARK.italic, s: MARK.strike }

const REMOTE = /^[a-z][a-z0-9+.-]*:/i

const imageSources = (tokens: readonly Token[]): string[] =>
  tokens.flatMap((token) =>
    token.type === 'image' ? [String(token.attrGet('src') ?? '')] : imageSources(token.children ?? []),
  )

const resolveImages = async (
  tokens: readonly Token[],
  readImage: ImageReader,
  collector: MediaCollector,
  losses: LossCounter,
): Promise<Map<string, ImageAttrs | null>> => {
  const resolved = new Map<string, ImageAttrs | null>()
  for (const src of imageSources(tokens)) {
    if (resolved.has(src)) continue
    if (REMOTE.test(src) || src.startsWith('//')) {
      resolved.set(src, null)
      continue
    }
    const bytes = readImage(src)
    resolved.set(src, bytes === null ? null : await collector.add(bytes, ''))
    if (bytes === null) losses.add('image-missing')
  }
  return resolved
}

const inline = (
  builder: ContentBuilder,
  tokens: readonly Token[],
  images: ReadonlyMap<string, ImageAttrs | null>,
  losses: LossCounter,
): void => {
  for (const token of tokens) {
    const mark = MARKS[token.type.replace(/_(open|close)$/, '')]
    if (mark !== undefined) {
      if (token.nesting === 1) builder.openMark(mark)
      else builder.closeMark(mark)
      continue
    }
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'html_inline':
        builder.text(token.content)
        break
      case 'softbreak':
        builder.text(' ')
        break
      case 'hardbreak':
        builder.hardBreak()
        break
      case 'code_inline':
        builder.openMark(MARK.code)
        builder.text(token.content)
        builder.closeMark(MARK.code)
        break
      case 'link_open':
        builder.openLink(String(token.attrGet('href') ?? ''))
        break
      case 'link_close':
        builder.closeLink()
        break
      case 'image': {
        const src = String(token.attrGet('src') ?? '')
        const image = images.get(src)
        // Counted per use: each dropped picture is one the reader will not see.
        if (image) builder.image({ ...image, alt: token.content })
        else if (REMOTE.test(src) || src.startsWith('//')) losses.add('image-remote')
        break
      }
    }
  }
}

const blocks = (
  builder: ContentBuilder,
  tokens: readonly Token[],
  images: ReadonlyMap<string, ImageAttrs | null>,
  losses: LossCounter,
): void => {
  for (const token of tokens) {
    const name = token.type.replace(/_(open|close)$/, '')
    const block = BLOCKS[name]
    if (block !== undefined) {
      if (token.nesting === 1) {
        const start = Number(token.attrGet('start') ?? 1)
        builder.openBlock(
          block,
          block === NODE.orderedList ? { start: Number.isInteger(start) ? start : 1 } : undefined,
        )
      } else builder.closeBlock(block)
      continue
    }
    switch (token.type) {
      case 'heading_open':
        builder.openBlock(NODE.heading, { level: Number(token.tag.slice(1)) })
        break
      case 'heading_close':
        builder.closeBlock(NODE.heading)
        break
      case 'inline':
        inline(builder, token.children ?? [], images, losses)
        break
      case 'fence':
      case 'code_block': {
        const language = token.info.trim().split(/\s+/, 1)[0] ?? ''
        builder.openBlock(NODE.codeBlock, language === '' ? undefined : { language })
        builder.text(token.content.replace(/\n$/, ''))
        builder.closeBlock(NODE.codeBlock)
        break
      }
      case 'hr':
        builder.horizontalRule()
        break
      case 'html_block':
        builder.openBlock(NODE.paragraph)
        builder.text(token.content.replace(/\n$/, ''))
        builder.closeBlock(NODE.paragraph)
        break
      case 'table_open':
        builder.openTable()
        break
      case 'table_close':
        builder.closeTable()
        break
      case 'tr_open':
        builder.openRow()
        break
      case 'tr_close':
        builder.closeRow()
        break
      case 'th_open':
      case 'td_open':
        builder.openCell()
        break
    }
  }
}

export const markdownToContent = async (
  markdown: string,
  readImage: ImageReader,
  collector: MediaCollector,
  losses: LossCounter,
): Promise<ContentNode[]> => {
  const tokens = parser.parse(markdown, {})
  const images = await resolveImages(tokens, readImage, collector, losses)
  const builder = createContentBuilder(losses)
  blocks(builder, tokens, images, losses)
  return builder.finish()
}
