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
} as const

export const MARK = {
  bold: 'bold',
  italic: 'italic',
  strike: 'strike',
  underline: 'underline',
  code: 'code',
  link: 'link',
} as const
