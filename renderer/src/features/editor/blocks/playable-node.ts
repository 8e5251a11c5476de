import { Node } from '@tiptap/core'
import { ReactNodeViewRenderer } from '@tiptap/react'
import { NODE, type MediaAttrs } from '../../../../../shared/course/content'
import { blockHtml, blockParseRules, jsonAttributes } from './block-html'
import { PlayableView } from './PlayableView'

/** Video and audio: the same leaf block (hash, type, title) played by the matching element. */
const playableNode = (name: typeof NODE.video | typeof NODE.audio) =>
  Node.create({
    name,
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes: () => jsonAttributes({ hash: '', mime: '', title: '' } satisfies MediaAttrs),
    parseHTML: () => blockParseRules(name, 'figure'),
    renderHTML: ({ node }) => blockHtml(name, 'figure', node, false),
    addNodeView: () => ReactNodeViewRenderer(PlayableView),
  })

export const VideoNode = playableNode(NODE.video)
export const AudioNode = playableNode(NODE.audio)
