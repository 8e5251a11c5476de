/**
 * Makes a lesson body equal to another one (a version's) with the fewest edits: blocks that are the same are not
 * touched, a changed block is edited inside (its attributes, its children, its text word by word), and only what
 * differs is deleted or inserted. So a co-author typing elsewhere in the lesson keeps their text, and comment
 * anchors on unchanged text stay where they are. Given a protection (protected-items.ts), it never deletes
 * protected text or blocks: they are left out of the comparison and stay where they are, and everything around
 * them is restored. Works on the Y.Xml types as Tiptap's binding writes them (content-io.ts); call it inside a
 * transaction.
 */
import * as Y from 'yjs'
import { adjacentRuns, insertionPoint, writeBackwards, type Editable } from './edit-plan'
import { NOTHING_PROTECTED, holdsProtected, isProtectedNode, type Protection } from './protected-items'
import { keepOnlyProtectedText, syncText, textKey } from './restore-text'
import { sameValue, stableJson } from './same-value'
import { diffHunks } from './sequence-diff'

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook
type XmlParent = Y.XmlFragment | Y.XmlElement

/** What may be paired and edited in place; hooks never are (nothing writes them), so each side's differ. */
const kindOf =
  (side: string) =>
  (node: XmlNode): string =>
    node instanceof Y.XmlText ? '#text' : node instanceof Y.XmlElement ? node.nodeName : `#hook-${side}`

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

/** An edit of the children at an index among them as they are; see edit-plan.ts. */
type ChildEdit = (parent: XmlParent) => void

const syncNode = (target: XmlNode, source: XmlNode, protection: Protection): void => {
  if (target instanceof Y.XmlText && source instanceof Y.XmlText) syncText(target, source, protection)
  else if (target instanceof Y.XmlElement && source instanceof Y.XmlElement) {
    syncAttributes(target, source)
    syncChildren(target, source, protection)
  }
}

const childrenOf = (parent: XmlParent): XmlNode[] =>
  parent.toArray().filter((child): child is XmlNode => child instanceof Y.AbstractType)

/** The children a restore may edit (those not protected), with their indices among all the children. */
const editableChildren = (parent: XmlParent, protection: Protection): { nodes: XmlNode[] } & Editable => {
  const nodes: XmlNode[] = []
  const at: number[] = []
  childrenOf(parent).forEach((node, index) => {
    if (isProtectedNode(node, protection)) return
    nodes.push(node)
    at.push(index)
  })
  return { nodes, at }
}

/**
 * What a node reads as without its protected content (its XML, marks and attributes included), so that a block a
 * co-author is typing in still pairs with the version's. Both sides are keyed this way.
 */
const keyOf = (node: XmlNode, protection: Protection): string => {
  if (node instanceof Y.XmlText) return textKey(node, protection)
  if (node instanceof Y.XmlElement) {
    const inside = editableChildren(node, protection).nodes.map((child) => keyOf(child, protection))
    return `<${node.nodeName} ${stableJson(node.getAttributes())}>${inside.join('')}</${node.nodeName}>`
  }
  return node.toString()
}

/**
 * Children equal in full are kept. Where they differ, removed and added children of the same kind are paired and
 * edited inside; the rest are deleted or inserted as copies. Protected children are left out and stay in place.
 */
const syncChildren = (target: XmlParent, source: XmlParent, protection: Protection): void => {
  const now = editableChildren(target, protection)
  const wanted = childrenOf(source)
  const keysNow = now.nodes.map((node) => keyOf(node, protection))
  const keysWanted = wanted.map((node) => keyOf(node, NOTHING_PROTECTED))
  const edits: ChildEdit[] = []
  for (const hunk of diffHunks(keysNow, keysWanted)) {
    if (hunk.kind === 'same') continue
    const added = wanted.slice(hunk.b, hunk.b + hunk.added)
    edits.push(...replaceChildren(now, hunk.a, hunk.removed, added, protection))
  }
  writeBackwards(target, edits)
}

/**
 * Replaces editable children [from, from + count) by `added`: pairs of the same kind are edited in place at once,
 * the rest become edits to write. A removed child holding protected content is not deleted but emptied of the rest.
 */
const replaceChildren = (
  now: { nodes: readonly XmlNode[] } & Editable,
  from: number,
  count: number,
  added: readonly XmlNode[],
  protection: Protection,
): ChildEdit[] => {
  const removed = now.nodes.slice(from, from + count)
  const edits: ChildEdit[] = []
  for (const hunk of diffHunks(removed.map(kindOf('now')), added.map(kindOf('wanted')))) {
    if (hunk.kind === 'same') {
      for (let i = 0; i < hunk.length; i++) {
        const pair = [removed[hunk.a + i], added[hunk.b + i]] as const
        if (pair[0] !== undefined && pair[1] !== undefined) syncNode(pair[0], pair[1], protection)
      }
      continue
    }
    const first = from + hunk.a
    const point = hunk.removed > 0 ? (now.at[first] ?? 0) : insertionPoint(now, first)
    // Yjs's typings leave out hooks, which it inserts the same way.
    const copies = added.slice(hunk.b, hunk.b + hunk.added).map((node) => node.clone()) as Array<
      Y.XmlElement | Y.XmlText
    >
    if (copies.length > 0) edits.push((parent) => parent.insert(point, copies))
    const deleted: number[] = []
    for (let i = first; i < first + hunk.removed; i++) {
      const node = now.nodes[i]
      if (node !== undefined && holdsProtected(node, protection)) keepOnlyProtected(node, protection)
      else deleted.push(now.at[i] ?? 0)
    }
    for (const [index, length] of adjacentRuns(deleted)) edits.push((parent) => parent.delete(index, length))
  }
  return edits
}

/** Deletes everything in the node that is not protected; the node stays, with its protected content in place. */
const keepOnlyProtected = (node: XmlNode, protection: Protection): void => {
  if (node instanceof Y.XmlText) keepOnlyProtectedText(node, protection)
  else if (node instanceof Y.XmlElement) {
    const now = editableChildren(node, protection)
    const deleted: number[] = []
    now.nodes.forEach((child, i) => {
      if (holdsProtected(child, protection)) keepOnlyProtected(child, protection)
      else deleted.push(now.at[i] ?? 0)
    })
    const edits = adjacentRuns(deleted).map(
      ([index, length]): ChildEdit =>
        (parent) =>
          parent.delete(index, length),
    )
    writeBackwards<XmlParent>(node, edits)
  }
}

/**
 * Edits `target` until it equals `source` (`source` is only read), except that protected text and blocks in
 * `target` are never deleted.
 */
export const syncBody = (
  target: Y.XmlFragment,
  source: Y.XmlFragment,
  protection: Protection = NOTHING_PROTECTED,
): void => syncChildren(target, source, protection)
