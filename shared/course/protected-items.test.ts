import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  holdsProtected,
  isProtectedNode,
  NOTHING_PROTECTED,
  protectedUnits,
  protectionSince,
} from './protected-items'

/** Ann's document with one paragraph, and Bob's copy of it. */
const twoReplicas = () => {
  const ann = new Y.Doc()
  const body = ann.getXmlFragment('body')
  const block = new Y.XmlElement('paragraph')
  block.insert(0, [new Y.XmlText('Ann wrote.')])
  body.insert(0, [block])
  const bob = new Y.Doc()
  Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann))
  return { ann, bob, body }
}

const sync = (from: Y.Doc, to: Y.Doc): void =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

const textOf = (body: Y.XmlFragment, index: number): Y.XmlText =>
  (body.get(index) as Y.XmlElement).get(0) as Y.XmlText

describe('protection since a state vector', () => {
  it('flags the characters and blocks others wrote after it, and nothing of Ann’s or written before it', () => {
    const { ann, bob, body } = twoReplicas()
    const bobText = textOf(bob.getXmlFragment('body'), 0)
    bobText.insert(0, 'Old ')
    sync(bob, ann)
    const keepSince = Y.encodeStateVector(ann)
    bobText.insert(bobText.length, ' New')
    bobText.format(0, 3, { bold: true })
    const added = new Y.XmlElement('paragraph')
    added.insert(0, [new Y.XmlText('Bob’s block')])
    bob.getXmlFragment('body').insert(1, [added])
    sync(bob, ann)
    textOf(body, 0).insert(4, 'X')

    const protection = protectionSince(ann, keepSince)
    const flags = protectedUnits(textOf(body, 0), protection)
    // "Old Ann wrote. New" with Ann's "X" after "Old ": only " New" is flagged; a format takes no place.
    expect(textOf(body, 0).toString()).toContain('X')
    expect(flags.map((flag) => (flag ? '+' : '.')).join('')).toBe(`${'.'.repeat(15)}${'+'.repeat(4)}`)
    expect(isProtectedNode(body.get(0) as Y.XmlElement, protection)).toBe(false)
    expect(holdsProtected(body.get(0) as Y.XmlElement, protection)).toBe(true)
    expect(isProtectedNode(body.get(1) as Y.XmlElement, protection)).toBe(true)
    expect(protectedUnits(textOf(body, 0), NOTHING_PROTECTED)).not.toContain(true)
  })
})
