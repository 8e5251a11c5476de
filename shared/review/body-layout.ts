/**
 * ProseMirror positions of a lesson body read straight from its Y.XmlFragment, the way y-prosemirror lays it out:
 * one XmlElement per node, one XmlText per run of text. A node with content takes an opening and a closing token
 * around its content; a leaf takes one position; each character takes one; the fragment (the doc node) has no
 * tokens, so position 0 is before the first block.
 */
import * as Y from 'yjs'
import { NODE } from '../course/content'

/**
 * Nodes the schema declares without content. An empty paragraph and a leaf look the same in Yjs (an element
 * with no children), yet take 2 and 1 positions in ProseMirror, so the names have to be known here.
 */
const LEAF_NODES: ReadonlySet<string> = new Set([
  NODE.hardBreak,
  NODE.horizontalRule,
  NODE.question,
  NODE.image,
  NODE.video,
  NODE.audio,
])

export interface TextRun {
  readonly text: Y.XmlText
  readonly start: number
  readonly end: number
}

export interface BodyLayout {
  /** Every live text run, in document order. */
  readonly runs: readonly TextRun[]
  readonly runOf: ReadonlyMap<Y.XmlText, TextRun>
  /** For every live node with content: the position before each child, then the position after the last. */
  readonly boundaries: ReadonlyMap<Y.XmlFragment, readonly number[]>
  /** The size of the doc node's content: the largest valid position. */
  readonly size: number
}

export const layoutOf = (fragment: Y.XmlFragment): BodyLayout => {
  const runs: TextRun[] = []
  const boundaries = new Map<Y.XmlFragment, number[]>()
  /** Lays out a node's children from `start` on; returns the position after the last of them. */
  const walk = (container: Y.XmlFragment, start: number): number => {
    const marks: number[] = []
    let position = start
    for (const child of container.toArray()) {
      marks.push(position)
      if (child instanceof Y.XmlText) {
        runs.push({ text: child, start: position, end: position + child.length })
        position += child.length
      } else if (child instanceof Y.XmlElement) {
        position = LEAF_NODES.has(child.nodeName) ? position + 1 : walk(child, position + 1) + 1
      }
      // y-prosemirror writes no other kinds of children (hooks), so nothing else takes a position.
    }
    marks.push(position)
    boundaries.set(container, marks)
    return position
  }
  const size = walk(fragment, 0)
  return { runs, runOf: new Map(runs.map((run) => [run.text, run])), boundaries, size }
}

const plainText = (text: Y.XmlText): string =>
  text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')

/** The characters between two positions; text from different blocks is separated by a line break. */
export const textBetween = (layout: BodyLayout, from: number, to: number): string => {
  let out = ''
  let lastParent: Y.AbstractType<unknown> | null = null
  for (const run of layout.runs) {
    const start = Math.max(from, run.start)
    const end = Math.min(to, run.end)
    if (start >= end) continue
    const parent = run.text.parent
    if (out !== '' && parent !== lastParent) out += '\n'
    out += plainText(run.text).slice(start - run.start, end - run.start)
    lastParent = parent
  }
  return out
}
