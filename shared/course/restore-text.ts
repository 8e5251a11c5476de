/**
 * Makes a text equal to another one word by word: kept words stay (reformatted if their marks differ), the others
 * are deleted or inserted, and protected characters (protected-items.ts) are left out and stay where they are.
 * Part of restore-body.ts.
 */
import type * as Y from 'yjs'
import { adjacentRuns, insertionPoint, writeBackwards, type Editable } from './edit-plan'
import { holdsProtected, protectedUnits, type Protection } from './protected-items'
import { stableJson } from './same-value'
import { diffHunks, wordTokens } from './sequence-diff'

/** Marks as text attributes, with their own attrs; `null` in a format call removes a mark. */
type Marks = Record<string, unknown>

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

/**
 * An edit of the text at an index of it as it is. A hunk plans its inserts before its deletes: written backwards,
 * the deletes go first and the inserts land where the deleted characters were.
 */
type Edit = (target: Y.XmlText) => void

/** The text's editable characters (those not protected) with their marks. */
const editableText = (all: Styled, flags: readonly boolean[]): Styled & Editable => {
  let text = ''
  const marks: Marks[] = []
  const keys: string[] = []
  const at: number[] = []
  for (let i = 0; i < all.text.length; i++) {
    if (flags[i] === true) continue
    text += all.text[i] ?? ''
    marks.push(all.marks[i] ?? {})
    keys.push(all.keys[i] ?? '')
    at.push(i)
  }
  return { text, marks, keys, at }
}

/** Format edits taking kept characters [from, from + length) of `now` to the marks of `wanted`'s from `fromWanted`. */
const markEdits = (
  now: Styled & Editable,
  fromNow: number,
  wanted: Styled,
  fromWanted: number,
  length: number,
): Edit[] => {
  const edits: Edit[] = []
  const keyNow = (i: number): string | undefined => now.keys[fromNow + i]
  const keyWanted = (i: number): string | undefined => wanted.keys[fromWanted + i]
  for (let i = 0; i < length;) {
    if (keyNow(i) === keyWanted(i)) {
      i++
      continue
    }
    let end = i + 1
    while (end < length && keyNow(end) === keyNow(i) && keyWanted(end) === keyWanted(i)) end++
    const patch = markPatch(now.marks[fromNow + i] ?? {}, wanted.marks[fromWanted + i] ?? {})
    for (const [index, count] of adjacentRuns(now.at.slice(fromNow + i, fromNow + end)))
      edits.push((target) => target.format(index, count, patch))
    i = end
  }
  return edits
}

/** Edits the text word by word: kept words stay (reformatted if their marks differ), others are deleted or inserted. */
export const syncText = (target: Y.XmlText, source: Y.XmlText, protection: Protection): void => {
  const all = styled(target)
  const wanted = styled(source)
  if (all === undefined || wanted === undefined) {
    // Embeds inside text are not written by Chorus's editor; replace such text whole rather than guess, unless
    // that would delete protected text.
    if (holdsProtected(target, protection)) return
    target.delete(0, target.length)
    target.applyDelta(source.toDelta())
    return
  }
  const now = editableText(all, protectedUnits(target, protection))
  const a = wordTokens(now.text)
  const b = wordTokens(wanted.text)
  const startsA = offsets(a)
  const startsB = offsets(b)
  const charA = (token: number): number => startsA[token] ?? now.text.length
  const charB = (token: number): number => startsB[token] ?? wanted.text.length
  const edits: Edit[] = []
  for (const hunk of diffHunks(a, b)) {
    if (hunk.kind === 'same') {
      const length = charB(hunk.b + hunk.length) - charB(hunk.b)
      edits.push(...markEdits(now, charA(hunk.a), wanted, charB(hunk.b), length))
      continue
    }
    const from = charA(hunk.a)
    const to = charA(hunk.a + hunk.removed)
    const point = to > from ? (now.at[from] ?? 0) : insertionPoint(now, from)
    for (const [start, end] of markRuns(wanted.keys, charB(hunk.b), charB(hunk.b + hunk.added))) {
      // Written last first, each at the same index, so the runs end up in order. Explicit marks (even none): Yjs
      // then removes the marks of the text before the insert instead of extending them.
      edits.push((text) => text.insert(point, wanted.text.slice(start, end), { ...wanted.marks[start] }))
    }
    for (const [index, count] of adjacentRuns(now.at.slice(from, to)))
      edits.push((text) => text.delete(index, count))
  }
  writeBackwards(target, edits)
}

/** What the text reads as without its protected characters, marks included; equal texts have equal keys. */
export const textKey = (node: Y.XmlText, protection: Protection): string => {
  const all = styled(node)
  if (all === undefined) return node.toString()
  const view = editableText(all, protectedUnits(node, protection))
  return markRuns(view.keys, 0, view.text.length)
    .map(([start, end]) => `${view.keys[start] ?? ''}${JSON.stringify(view.text.slice(start, end))}`)
    .join('')
}

/** Deletes the text's characters that are not protected. */
export const keepOnlyProtectedText = (node: Y.XmlText, protection: Protection): void => {
  const unprotected = protectedUnits(node, protection).flatMap((flag, index) => (flag ? [] : [index]))
  const edits = adjacentRuns(unprotected).map(
    ([index, length]): Edit =>
      (text) =>
        text.delete(index, length),
  )
  writeBackwards(node, edits)
}
