import { Node } from '@tiptap/core'
import { ReactNodeViewRenderer } from '@tiptap/react'
import { NODE, type ImageAttrs } from '../../../../../shared/course/content'
import { blockHtml, blockParseRules, jsonAttributes } from './block-html'
import { ImageView } from './ImageView'

/** An image stored on this device by content hash; the node holds only the hash, its type and its alt text. */
export const ImageNode = Node.create({
  name: NODE.image,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes: () => jsonAttributes({ hash: '', alt: '', mime: '' } satisfies ImageAttrs),
  parseHTML: () => blockParseRules(NODE.image, 'figure'),
  renderHTML: ({ node }) => blockHtml(NODE.image, 'figure', node, false),
  addNodeView: () => ReactNodeViewRenderer(ImageView),
})
