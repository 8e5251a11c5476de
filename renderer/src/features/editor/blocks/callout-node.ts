import { Node } from '@tiptap/core'
import { ReactNodeViewRenderer } from '@tiptap/react'
import { NODE, type CalloutAttrs } from '../../../../../shared/course/content'
import { blockHtml, blockParseRules, jsonAttributes } from './block-html'
import { CalloutView } from './CalloutView'

/**
 * A highlighted box with a tone (info, tip, warning), like a blockquote with a purpose. It takes any block, as a
 * blockquote does: content a co-author or an import put there must never be dropped by this schema.
 */
export const CalloutNode = Node.create({
  name: NODE.callout,
  group: 'block',
  content: 'block+',
  defining: true,
  addAttributes: () => jsonAttributes({ tone: 'info' } satisfies CalloutAttrs),
  parseHTML: () => blockParseRules(NODE.callout, 'aside'),
  renderHTML: ({ node }) => blockHtml(NODE.callout, 'aside', node, true),
  addNodeView: () => ReactNodeViewRenderer(CalloutView),
})
