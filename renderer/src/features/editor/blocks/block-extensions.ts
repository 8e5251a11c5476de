import { CalloutNode } from './callout-node'
import { ImageNode } from './image-node'
import { MediaPaste } from './media-paste'
import { MediaScopeExtension, type MediaScope } from './media-scope'
import { AudioNode, VideoNode } from './playable-node'
import { QuestionNode } from './question-node'

/** Chorus's own blocks (names and attrs as in shared/course/content.ts) and the media handling they need. */
export const blockExtensions = (media: MediaScope) => [
  QuestionNode,
  CalloutNode,
  ImageNode,
  VideoNode,
  AudioNode,
  MediaScopeExtension.configure(media),
  MediaPaste,
]
