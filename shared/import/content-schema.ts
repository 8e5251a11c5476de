/**
 * The lesson editor's schema, as plain ProseMirror specs, so an import can check everything it built before a
 * byte reaches the course. It mirrors the editor (StarterKit with headings 1–3, Chorus's blocks in
 * renderer/src/features/editor/blocks); content-schema.test.ts checks the two agree on every node's content,
 * marks and attrs. Only the shape matters here: no DOM parsing or rendering.
 */
import { Node as PMNode, Schema, type NodeSpec } from '@tiptap/pm/model'
import { MARK, NODE, type ContentNode } from '../course/content'

const leaf = (attrs: Record<string, unknown>): NodeSpec => ({
  group: 'block',
  atom: true,
  attrs: Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name, { default: value }])),
})

/** The editor offers headings 1–3 only; ProseMirror's attr validators throw. */
const headingLevel = (value: unknown): void => {
  if (value !== 1 && value !== 2 && value !== 3)
    throw new RangeError(`heading level ${String(value)} is not 1–3`)
}

export const LESSON_SCHEMA = new Schema({
  nodes: {
    [NODE.doc]: { content: 'block+' },
    [NODE.paragraph]: { group: 'block', content: 'inline*' },
    [NODE.text]: { group: 'inline' },
    [NODE.blockquote]: { group: 'block', content: 'block+', defining: true },
    [NODE.bulletList]: { group: 'block list', content: 'listItem+' },
    [NODE.codeBlock]: {
      group: 'block',
      content: 'text*',
      marks: '',
      code: true,
      defining: true,
      attrs: { language: { default: null } },
    },
    [NODE.hardBreak]: { group: 'inline', inline: true, selectable: false },
    [NODE.heading]: {
      group: 'block',
      content: 'inline*',
      defining: true,
      attrs: { level: { default: 1, validate: headingLevel } },
    },
    [NODE.horizontalRule]: { group: 'block' },
    [NODE.listItem]: { content: 'paragraph block*', defining: true },
    [NODE.orderedList]: {
      group: 'block list',
      content: 'listItem+',
      attrs: { start: { default: 1 }, type: { default: null } },
    },
    [NODE.question]: leaf({
      id: '',
      kind: 'single',
      prompt: '',
      choices: [],
      feedbackCorrect: '',
      feedbackIncorrect: '',
    }),
    [NODE.callout]: {
      group: 'block',
      content: 'block+',
      defining: true,
      attrs: { tone: { default: 'info' } },
    },
    [NODE.image]: leaf({ hash: '', alt: '', mime: '' }),
    [NODE.video]: leaf({ hash: '', mime: '', title: '' }),
    [NODE.audio]: leaf({ hash: '', mime: '', title: '' }),
  },
  marks: {
    [MARK.link]: {
      inclusive: false,
      attrs: {
        href: { default: null },
        target: { default: null },
        rel: { default: null },
        class: { default: null },
        title: { default: null },
      },
    },
    [MARK.bold]: {},
    [MARK.code]: { excludes: '_' },
    [MARK.italic]: {},
    [MARK.strike]: {},
    [MARK.underline]: {},
  },
})

/** Whether `node` (a `doc`) is valid in the editor's schema: every child allowed where it is, every attr known. */
export const checkLessonContent = (node: ContentNode): string | null => {
  try {
    PMNode.fromJSON(LESSON_SCHEMA, inRankOrder(node)).check()
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

const RANK: ReadonlyMap<string, number> = new Map(
  Object.keys(LESSON_SCHEMA.marks).map((name, rank) => [name, rank]),
)

/** ProseMirror wants a text node's marks in schema order; the document (Yjs attributes) keeps no order at all. */
const inRankOrder = (node: ContentNode): ContentNode => ({
  ...node,
  ...(node.marks === undefined
    ? {}
    : { marks: [...node.marks].sort((a, b) => (RANK.get(a.type) ?? -1) - (RANK.get(b.type) ?? -1)) }),
  ...(node.content === undefined ? {} : { content: node.content.map(inRankOrder) }),
})
