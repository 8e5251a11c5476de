/**
 * A lesson body as plain data: the ProseMirror JSON shape Tiptap uses (type, attrs, content, text, marks).
 * Node and mark names are Tiptap's StarterKit names plus Chorus's own blocks; the renderer's editor
 * schema and the exporter both read these constants, so a name is spelled once.
 */
export interface ContentMark {
  readonly type: string
  readonly attrs?: Readonly<Record<string, unknown>>
}

export interface ContentNode {
  readonly type: string
  readonly attrs?: Readonly<Record<string, unknown>>
  readonly content?: readonly ContentNode[]
  readonly text?: string
  readonly marks?: readonly ContentMark[]
}

export const NODE = {
  doc: 'doc',
  paragraph: 'paragraph',
  heading: 'heading',
  text: 'text',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  blockquote: 'blockquote',
  codeBlock: 'codeBlock',
  hardBreak: 'hardBreak',
  horizontalRule: 'horizontalRule',
  /** A knowledge check; its attrs are `QuestionAttrs`. A leaf: no content. */
  question: 'question',
  /** Attrs `ImageAttrs`; the bytes are a media blob keyed by `hash`. */
  image: 'image',
  /** Attrs `MediaAttrs`. */
  video: 'video',
  /** Attrs `MediaAttrs`. */
  audio: 'audio',
  /** Attrs `CalloutAttrs`; holds block content like a blockquote. */
  callout: 'callout',
} as const

export const MARK = {
  bold: 'bold',
  italic: 'italic',
  strike: 'strike',
  underline: 'underline',
  code: 'code',
  link: 'link',
} as const

export type QuestionKind = 'single' | 'multiple' | 'true-false'

export interface QuestionChoice {
  readonly id: string
  readonly text: string
  readonly correct: boolean
}

export interface QuestionAttrs {
  /** Stable across edits, so a learner's stored answer still points at the same question. */
  readonly id: string
  readonly kind: QuestionKind
  readonly prompt: string
  readonly choices: readonly QuestionChoice[]
  readonly feedbackCorrect: string
  readonly feedbackIncorrect: string
}

/** Whether a string is a media hash as blocks store it: lowercase SHA-256 hex. Anything else is never fetched or shipped. */
export const isMediaHash = (value: string): boolean => /^[0-9a-f]{64}$/.test(value)

/** Media blobs are stored and shipped by content hash: lowercase SHA-256 hex of the bytes. */
export interface ImageAttrs {
  readonly hash: string
  readonly alt: string
  readonly mime: string
}

export interface MediaAttrs {
  readonly hash: string
  readonly mime: string
  readonly title: string
}

export type CalloutTone = 'info' | 'tip' | 'warning'

export interface CalloutAttrs {
  readonly tone: CalloutTone
}
