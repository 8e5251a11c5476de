/**
 * Lesson bodies as plain ContentNode JSON, encoded exactly the way Tiptap's Yjs binding (@tiptap/y-tiptap, a
 * y-prosemirror fork) stores them, so a body written here renders in the editor and a body typed in the editor
 * reads back here:
 * - a node is a Y.XmlElement named after its type, its non-null attrs as XML attributes;
 * - a run of adjacent text nodes is one Y.XmlText whose delta carries each mark as an attribute
 *   `{ [markName]: markAttrs }` (`{}` for a mark without attrs).
 */
import * as Y from 'yjs'
import { NODE, type ContentMark, type ContentNode } from './content'
import { lessonBodyOf, lessonsMap } from './schema'
import { runCommand } from './transact'
import type { LessonId } from './types'

interface TextDelta {
  readonly insert: unknown
  readonly attributes?: Readonly<Record<string, unknown>>
}

/** Marks that may overlap themselves get a `--<8-char hash>` suffix in y-prosemirror; the name is before it. */
const HASHED_MARK_NAME = /^(.*)--[a-zA-Z0-9+/=]{8}$/

const markName = (attribute: string): string => HASHED_MARK_NAME.exec(attribute)?.[1] ?? attribute

const readMark = (attribute: string, value: unknown): ContentMark => {
  const type = markName(attribute)
  const hasAttrs = typeof value === 'object' && value !== null && Object.keys(value).length > 0
  return hasAttrs ? { type, attrs: value as Record<string, unknown> } : { type }
}

const readText = (text: Y.XmlText): ContentNode[] =>
  (text.toDelta() as TextDelta[]).flatMap((delta): ContentNode[] => {
    if (typeof delta.insert !== 'string' || delta.insert === '') return []
    const marks = Object.entries(delta.attributes ?? {}).map(([name, value]) => readMark(name, value))
    return [
      marks.length > 0
        ? { type: NODE.text, text: delta.insert, marks }
        : { type: NODE.text, text: delta.insert },
    ]
  })

const readChildren = (parent: Y.XmlFragment): ContentNode[] =>
  parent.toArray().flatMap((child): ContentNode[] => {
    if (child instanceof Y.XmlText) return readText(child)
    if (child instanceof Y.XmlElement) return [readElement(child)]
    return []
  })

const readElement = (element: Y.XmlElement): ContentNode => {
  const attrs: Record<string, unknown> = element.getAttributes()
  const content = readChildren(element)
  return {
    type: element.nodeName,
    ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
    ...(content.length > 0 ? { content } : {}),
  }
}

/** The lesson's body as a `doc` node; an empty doc if the lesson does not exist. */
export const readLessonContent = (doc: Y.Doc, lessonId: LessonId): ContentNode => {
  const lesson = lessonsMap(doc).get(lessonId)
  const body = lesson === undefined ? undefined : lessonBodyOf(lesson)
  return { type: NODE.doc, content: body === undefined ? [] : readChildren(body) }
}

const markAttributes = (marks: readonly ContentMark[] | undefined): Record<string, unknown> =>
  Object.fromEntries((marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}]))

const writeText = (nodes: readonly ContentNode[]): Y.XmlText => {
  const text = new Y.XmlText()
  text.applyDelta(nodes.map((node) => ({ insert: node.text, attributes: markAttributes(node.marks) })))
  return text
}

const writeElement = (node: ContentNode): Y.XmlElement => {
  const element = new Y.XmlElement(node.type)
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    // Attrs keep their JSON types (a heading's level is a number), as y-prosemirror stores them; Yjs's typings
    // only default to string attributes.
    if (value !== null && value !== undefined) element.setAttribute(key, value as string)
  }
  element.insert(0, writeChildren(node.content ?? []))
  return element
}

/** Adjacent text nodes share one Y.XmlText, as in y-prosemirror; empty text nodes are not valid and are dropped. */
const writeChildren = (nodes: readonly ContentNode[]): Array<Y.XmlElement | Y.XmlText> => {
  const out: Array<Y.XmlElement | Y.XmlText> = []
  let run: ContentNode[] = []
  const flush = (): void => {
    if (run.length > 0) out.push(writeText(run))
    run = []
  }
  for (const node of nodes) {
    if (node.type !== NODE.text) {
      flush()
      out.push(writeElement(node))
    } else if (node.text !== undefined && node.text !== '') {
      run.push(node)
    }
  }
  flush()
  return out
}

/**
 * Replaces the lesson's body with `content` (a `doc` node) in one command. Meant for importing and generating
 * content (sample course, CLI, benchmarks): live editing goes through Tiptap, which changes only what changed.
 */
export const writeLessonContent = (doc: Y.Doc, lessonId: LessonId, content: ContentNode): void => {
  if (content.type !== NODE.doc)
    throw new Error(`writeLessonContent: expected a doc node, got ${content.type}`)
  const lesson = lessonsMap(doc).get(lessonId)
  const body = lesson === undefined ? undefined : lessonBodyOf(lesson)
  if (body === undefined) throw new Error(`writeLessonContent: unknown lesson ${lessonId}`)
  runCommand(doc, () => {
    body.delete(0, body.length)
    body.insert(0, writeChildren(content.content ?? []))
  })
}
