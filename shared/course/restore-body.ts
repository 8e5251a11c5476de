/**
 * Makes a lesson body equal to another one (a version's) with the fewest edits: blocks that are the same are not
 * touched, a changed block is edited inside (its attributes, its children, its text word by word), and only what
 * differs is deleted or inserted. So a co-author typing elsewhere in the lesson keeps their text, and comment
 * anchors on unchanged text stay where they are. Works on the Y.Xml types as Tiptap's binding writes them
 * (content-io.ts); call it inside a transaction.
 */
import * as Y from 'yjs'
import { sameValue, stableJson } from './same-value'
import { diffHunks, wordTokens } from './sequence-diff'

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook
type XmlParent = Y.XmlFragment | Y.XmlElement

/** Marks as text attributes, with their own attrs; `null` in a format call removes a mark. */
type Marks = Record<string, unknown>

/** What may be paired and edited in place; hooks never are (nothing writes them), so each side's differ. */
const kindOf =
  (side: string) =>
  (node: XmlNode): string =>
    node instanceof Y.XmlText ? '#text' : node instanceof Y.XmlElement ? node.nodeName : `#hook-${side}`

const cloneNode = (node: XmlNode): XmlNode => node.clone()

const syncAttributes = (target: Y.XmlElement, source: Y.XmlElement): void => {
  const wanted: Record<string, unknown> = source.getAttributes()
  const current: Record<string, unknown> = target.getAttributes()
  for (const [key, value] of Object.entries(wanted)) {
    // Attrs keep their JSON types (a question's choices are an array), as y-prosemirror stores them.
    if (!sameValue(current[key], value)) target.setAttribute(key, value as string)
  }
  for (const key of Object.keys(current)) {
    if (!(key in wanted)) target.removeAttribute(key)
  }
}

interface TextDelta {
  readonly insert: unknown
  readonly attributes?: Marks
}

/** One entry per UTF-16 unit: its marks, as a comparable key and as the value to write. */
interface Styled {
  readonly text: string
  readonly marks: readonly Marks[]
  readonly keys: readonly string[]
}

const styled = (text: Y.XmlText): Styled | undefined => {
  let all = ''
  const marks: Marks[] = []
  const keys: string[] = []
  for (const delta of text.toDelta() as TextDelta[]) {
    if (typeof delta.insert !== 'string') return undefined
    const attributes = delta.attributes ?? {}
    const key = stableJson(attributes)
    all += delta.insert
    for (let i = 0; i < delta.insert.length; i++) {
      marks.push(attributes)
      keys.push(key)
    }
  }
  return { text: all, marks, keys }
}

/** The marks `wanted` as a format call: its own marks set, every other mark the text has now removed. */
const markPatch = (current: Marks, wanted: Marks): Marks => ({
  ...Object.fromEntries(Object.keys(current).map((key) => [key, null])),
  ...wanted,
})

/** Runs of equal mark keys within [from, to) of `keys`, as [start, end) pairs. */
const markRuns = (keys: readonly string[], from: number, to: number): Array<[number, number]> => {
  const runs: Array<[number, number]> = []
  for (let start = from; start < to;) {
    let end = start + 1
    while (end < to && keys[end] === keys[start]) end++
    runs.push([start, end])
    start = end
  }
  return runs
}

/** Token offsets turned into offsets in the text: `starts[i]` is where token i begins, the last entry the end. */
const offsets = (tokens: readonly string[]): number[] => {
  const starts = [0]
  let at = 0
  for (const token of tokens) {
    at += token.length
    starts.push(at)
  }
  return starts
}

/** Reformats the kept text [from, from + length) of `now` (at `cursor` in `target`) to `wanted`'s marks. */
const syncMarks = (
  target: Y.XmlText,
  cursor: number,
  now: Styled,
  fromNow: number,
  wanted: Styled,
  fromWanted: number,
  length: number,
): void => {
  const keyNow = (i: number): string | undefined => now.keys[fromNow + i]
  const keyWanted = (i: number): string | undefined => wanted.keys[fromWanted + i]
  for (let i = 0; i < length;) {
    if (keyNow(i) === keyWanted(i)) {
      i++
      continue
    }
    let end = i + 1
    while (end < length && keyNow(end) === keyNow(i) && keyWanted(end) === keyWanted(i)) end++
    target.format(
      cursor + i,
      end - i,
      markPatch(now.marks[fromNow + i] ?? {}, wanted.marks[fromWanted + i] ?? {}),
    )
    i = end
  }
}

/** Edits the text word by word: kept words stay (reformatted if their marks differ), others are deleted or inserted. */
const syncText = (target: Y.XmlText, source: Y.XmlText): void => {
  const now = styled(target)
  const wanted = styled(source)
  if (now === undefined || wanted === undefined) {
    // Embeds inside text are not written by Chorus's editor; replace such text whole rather than guess.
    target.delete(0, target.length)
    target.applyDelta(source.toDelta())
    return
  }
  const a = wordTokens(now.text)
  const b = wordTokens(wanted.text)
  const startsA = offsets(a)
  const startsB = offsets(b)
  const charA = (token: number): number => startsA[token] ?? now.text.length
  const charB = (token: number): number => startsB[token] ?? wanted.text.length
  let cursor = 0
  for (const hunk of diffHunks(a, b)) {
    if (hunk.kind === 'same') {
      const length = charB(hunk.b + hunk.length) - charB(hunk.b)
      syncMarks(target, cursor, now, charA(hunk.a), wanted, charB(hunk.b), length)
      cursor += length
      continue
    }
    const removedLength = charA(hunk.a + hunk.removed) - charA(hunk.a)
    if (removedLength > 0) target.delete(cursor, removedLength)
    for (const [start, end] of markRuns(wanted.keys, charB(hunk.b), charB(hunk.b + hunk.added))) {
      // Explicit marks (even none): Yjs then removes the marks of the text before the insert instead of extending them.
      target.insert(cursor, wanted.text.slice(start, end), { ...wanted.marks[start] })
      cursor += end - start
    }
  }
}

const syncNode = (target: XmlNode, source: XmlNode): void => {
  if (target instanceof Y.XmlText && source instanceof Y.XmlText) syncText(target, source)
  else if (target instanceof Y.XmlElement && source instanceof Y.XmlElement) {
    syncAttributes(target, source)
    syncChildren(target, source)
  }
}

const childrenOf = (parent: XmlParent): XmlNode[] =>
  parent.toArray().filter((child): child is XmlNode => child instanceof Y.AbstractType)

/**
 * Children equal in full (their XML, marks and attributes included) are kept. Where they differ, removed and added
 * children of the same kind are paired and edited inside; the rest are deleted or inserted as copies.
 */
const syncChildren = (target: XmlParent, source: XmlParent): void => {
  const now = childrenOf(target)
  const wanted = childrenOf(source)
  let cursor = 0
  const keys = (nodes: readonly XmlNode[]): string[] => nodes.map((node) => node.toString())
  for (const hunk of diffHunks(keys(now), keys(wanted))) {
    if (hunk.kind === 'same') cursor += hunk.length
    else {
      const removed = now.slice(hunk.a, hunk.a + hunk.removed)
      const added = wanted.slice(hunk.b, hunk.b + hunk.added)
      cursor = replaceChildren(target, cursor, removed, added)
    }
  }
}

/** Replaces `removed` (at `cursor` in `target`) by `added`, editing pairs of the same kind in place. */
const replaceChildren = (
  target: XmlParent,
  cursor: number,
  removed: readonly XmlNode[],
  added: readonly XmlNode[],
): number => {
  let at = cursor
  for (const hunk of diffHunks(removed.map(kindOf('now')), added.map(kindOf('wanted')))) {
    if (hunk.kind === 'same') {
      for (let i = 0; i < hunk.length; i++) {
        const pair = [removed[hunk.a + i], added[hunk.b + i]] as const
        if (pair[0] !== undefined && pair[1] !== undefined) syncNode(pair[0], pair[1])
      }
      at += hunk.length
      continue
    }
    if (hunk.removed > 0) target.delete(at, hunk.removed)
    // Yjs's typings leave out hooks, which it inserts the same way.
    const copies = added.slice(hunk.b, hunk.b + hunk.added).map(cloneNode) as Array<Y.XmlElement | Y.XmlText>
    if (copies.length > 0) target.insert(at, copies)
    at += hunk.added
  }
  return at
}

/** Edits `target` until it equals `source`; `source` is only read. */
export const syncBody = (target: Y.XmlFragment, source: Y.XmlFragment): void => syncChildren(target, source)
