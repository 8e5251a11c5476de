/**
 * What a restore must not delete: text and blocks that other people wrote after the restorer began reviewing the
 * version (the course's state vector then, `keepSince`). The restorer reverts what they saw; a co-author typing
 * while they review keeps every keystroke, whether it reached the restorer before the click or after.
 * Reads Yjs items (their ids and content) because only the item tells who wrote a character and when.
 */
import * as Y from 'yjs'

/** Which of the course's items a restore keeps. */
export interface Protection {
  /** Whether the item with this id (a character's id for text) is protected. */
  readonly covers: (client: number, clock: number) => boolean
}

/** A restore without a review start: it may delete anything that differs from the version. */
export const NOTHING_PROTECTED: Protection = { covers: () => false }

/** Everything written by other clients at clocks `keepSince` (an encoded state vector) had not seen yet. */
export const protectionSince = (course: Y.Doc, keepSince: Uint8Array): Protection => {
  const seen = Y.decodeStateVector(keepSince)
  const me = course.clientID
  return { covers: (client, clock) => client !== me && clock >= (seen.get(client) ?? 0) }
}

/** A Y type as placed in the document: its item says who created it, and when. */
interface Placed {
  readonly _item: Y.Item | null
}

/** Whether this child of a lesson body (a block, or a text run inside one) was itself written after review began. */
export const isProtectedNode = (node: Placed, protection: Protection): boolean => {
  const item = node._item
  return item !== null && protection.covers(item.id.client, item.id.clock)
}

/**
 * One flag per unit of the text as its delta reads (UTF-16 units of strings, one per embed): whether that
 * character is protected. Format items take no place in the text, so they have no flag.
 */
export const protectedUnits = (text: Y.XmlText, protection: Protection): boolean[] => {
  const flags: boolean[] = []
  for (let item: Y.Item | null = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue
    const { client, clock } = item.id
    for (let offset = 0; offset < item.length; offset++) flags.push(protection.covers(client, clock + offset))
  }
  return flags
}

/** Whether the node, or anything inside it, is protected: such a node is never deleted by a restore. */
export const holdsProtected = (node: Placed, protection: Protection): boolean => {
  if (isProtectedNode(node, protection)) return true
  if (node instanceof Y.XmlText) return protectedUnits(node, protection).includes(true)
  if (node instanceof Y.XmlElement)
    return node
      .toArray()
      .some((child) => child instanceof Y.AbstractType && holdsProtected(child, protection))
  return false
}
