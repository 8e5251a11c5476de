/**
 * Anchors under concurrent edits: two replicas of a course document edit the text around, inside and over an
 * anchored phrase, the edits merge in both orders, and every replica must resolve the anchor to the same range.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../course/types'
import { anchorFromRange, resolveAnchor, type Anchor, type ResolvedAnchor } from './anchor'
import { createThread } from './commands'
import { readThreads } from './read'

const SENTENCE = 'The quick brown fox jumps over the lazy dog.'
const PHRASE = 'brown fox'
/** The paragraph's text starts at position 1 (after the paragraph's opening token). */
const PHRASE_FROM = 1 + SENTENCE.indexOf(PHRASE)
const PHRASE_TO = PHRASE_FROM + PHRASE.length

/** Lesson bodies live nested in the course document (lessons → id → body), as in shared/course/schema.ts. */
const bodyOf = (doc: Y.Doc, lessonId = 'lesson-1'): Y.XmlFragment =>
  (doc.getMap('lessons').get(lessonId) as Y.Map<unknown>).get('body') as Y.XmlFragment
const textOf = (doc: Y.Doc, block = 0): Y.XmlText =>
  (bodyOf(doc).get(block) as Y.XmlElement).get(0) as Y.XmlText

const addLesson = (doc: Y.Doc, lessonId: string, paragraphs: readonly string[]) => {
  const lesson = new Y.Map<unknown>()
  doc.getMap('lessons').set(lessonId, lesson)
  const body = new Y.XmlFragment()
  lesson.set('body', body)
  body.insert(
    0,
    paragraphs.map((text) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      return paragraph
    }),
  )
}

const replicaOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** Two peers that share a lesson body of two paragraphs, the first holding the sentence. */
const twoPeers = () => {
  const a = new Y.Doc()
  addLesson(a, 'lesson-1', [SENTENCE, 'A second paragraph.'])
  return { a, b: replicaOf(a) }
}

const anchorPhrase = (doc: Y.Doc): Anchor => anchorFromRange(bodyOf(doc), PHRASE_FROM, PHRASE_TO)
const resolve = (doc: Y.Doc, anchor: Anchor): ResolvedAnchor => resolveAnchor(doc, bodyOf(doc), anchor)

/**
 * Runs `onA` and `onB` on the two peers concurrently, then merges: each peer receives the other's update (so
 * A sees A-then-B and B sees B-then-A), and two fresh replicas apply both updates in either order.
 * Returns the anchor resolved on all four, after checking they agree.
 */
const mergeBothWays = (
  a: Y.Doc,
  b: Y.Doc,
  anchor: Anchor,
  onA: (doc: Y.Doc) => void,
  onB: (doc: Y.Doc) => void,
) => {
  const base = Y.encodeStateAsUpdate(a)
  const [vectorA, vectorB] = [Y.encodeStateVector(a), Y.encodeStateVector(b)]
  onA(a)
  onB(b)
  const [updateA, updateB] = [Y.encodeStateAsUpdate(a, vectorA), Y.encodeStateAsUpdate(b, vectorB)]
  const inOrder = (...updates: Uint8Array[]) => {
    const doc = new Y.Doc()
    for (const update of [base, ...updates]) Y.applyUpdate(doc, update)
    return doc
  }
  Y.applyUpdate(a, updateB)
  Y.applyUpdate(b, updateA)
  const peers = [a, b, inOrder(updateA, updateB), inOrder(updateB, updateA)]
  const results = peers.map((doc) => resolve(doc, anchor))
  for (const doc of peers) expect(bodyOf(doc).toJSON()).toBe(bodyOf(a).toJSON())
  for (const result of results) expect(result).toEqual(results[0])
  return results[0]
}

const none = () => {}

describe('anchors under concurrent edits', () => {
  it('resolves on the other peer to the same range once synced', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    expect(resolve(b, anchor)).toEqual({ kind: 'attached', from: PHRASE_FROM, to: PHRASE_TO, text: PHRASE })
  })

  it('moves with text inserted before the range', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    const merged = mergeBothWays(a, b, anchor, none, (doc) =>
      textOf(doc).insert(SENTENCE.indexOf('quick'), 'very '),
    )
    expect(merged).toEqual({ kind: 'attached', from: PHRASE_FROM + 5, to: PHRASE_TO + 5, text: PHRASE })
  })

  it('moves with a paragraph inserted before the one holding the range', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    const merged = mergeBothWays(a, b, anchor, none, (doc) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Intro')])
      bodyOf(doc).insert(0, [paragraph])
    })
    expect(merged).toEqual({ kind: 'attached', from: PHRASE_FROM + 7, to: PHRASE_TO + 7, text: PHRASE })
  })

  it('grows with text inserted inside the range', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    const merged = mergeBothWays(a, b, anchor, none, (doc) =>
      textOf(doc).insert(SENTENCE.indexOf(' fox'), ' red'),
    )
    expect(merged).toEqual({ kind: 'attached', from: PHRASE_FROM, to: PHRASE_TO + 4, text: 'brown red fox' })
  })

  it('keeps text inserted after the range, or right at either edge, outside it', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    const merged = mergeBothWays(
      a,
      b,
      anchor,
      (doc) => textOf(doc).insert(SENTENCE.indexOf(' jumps'), '!!'),
      (doc) => {
        textOf(doc).insert(SENTENCE.indexOf(' over'), ' high')
        textOf(doc).insert(SENTENCE.indexOf(PHRASE), '>')
      },
    )
    expect(merged).toEqual({ kind: 'attached', from: PHRASE_FROM + 1, to: PHRASE_TO + 1, text: PHRASE })
    expect(textOf(a).toString()).toBe('The quick >brown fox!! jumps high over the lazy dog.')
  })

  it('shrinks when part of the range is deleted', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    const merged = mergeBothWays(a, b, anchor, none, (doc) =>
      textOf(doc).delete(SENTENCE.indexOf(PHRASE), 'brown '.length),
    )
    expect(merged).toEqual({ kind: 'attached', from: PHRASE_FROM, to: PHRASE_TO - 6, text: 'fox' })
  })

  it('merges an insertion inside and a deletion of the end the same way in both orders', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    const merged = mergeBothWays(
      a,
      b,
      anchor,
      (doc) => textOf(doc).insert(SENTENCE.indexOf(' fox'), ' red'),
      (doc) => textOf(doc).delete(SENTENCE.indexOf('fox'), 'fox'.length),
    )
    expect(merged).toEqual({
      kind: 'attached',
      from: PHRASE_FROM,
      to: PHRASE_FROM + 'brown red '.length,
      text: 'brown red ',
    })
  })

  it('detaches when all of the anchored text is deleted, and the thread keeps its quote', () => {
    const { a, b } = twoPeers()
    const review = new Y.Doc()
    const anchor = anchorPhrase(a)
    createThread(review, {
      lessonId: 'lesson-1' as LessonId,
      anchor,
      quote: PHRASE,
      author: { id: 'u1', name: 'Ada' },
      body: 'Which fox?',
      mentions: [],
    })
    const merged = mergeBothWays(
      a,
      b,
      anchor,
      (doc) => textOf(doc).insert(SENTENCE.length, ' More.'),
      (doc) => textOf(doc).delete(SENTENCE.indexOf(PHRASE), PHRASE.length),
    )
    expect(merged).toEqual({ kind: 'detached' })
    const [thread] = readThreads(review)
    expect(thread?.quote).toBe(PHRASE)
    expect(thread?.anchor).toEqual(anchor)
  })

  it('detaches when the text is deleted and retyped: the new words are not the ones commented on', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    const merged = mergeBothWays(a, b, anchor, none, (doc) => {
      textOf(doc).delete(SENTENCE.indexOf(PHRASE), PHRASE.length)
      textOf(doc).insert(SENTENCE.indexOf(PHRASE), PHRASE)
    })
    expect(merged).toEqual({ kind: 'detached' })
  })

  it('detaches when the paragraph holding the range is deleted', () => {
    const { a, b } = twoPeers()
    const anchor = anchorPhrase(a)
    expect(mergeBothWays(a, b, anchor, none, (doc) => bodyOf(doc).delete(0, 1))).toEqual({ kind: 'detached' })
  })

  it('detaches an anchor made while a peer deleted its text, once both meet', () => {
    const { a, b } = twoPeers()
    const base = Y.encodeStateVector(a)
    const anchor = anchorPhrase(a)
    textOf(b).delete(SENTENCE.indexOf(PHRASE), PHRASE.length)
    expect(resolve(a, anchor).kind).toBe('attached')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, base))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(resolve(a, anchor)).toEqual({ kind: 'detached' })
    expect(resolve(b, anchor)).toEqual({ kind: 'detached' })
  })

  it('spans blocks and follows edits in both of them', () => {
    const { a, b } = twoPeers()
    const from = 1 + SENTENCE.indexOf('lazy')
    const to = SENTENCE.length + 2 + 1 + 'A second'.length
    const anchor = anchorFromRange(bodyOf(a), from, to)
    expect(resolve(a, anchor)).toMatchObject({ text: 'lazy dog.\nA second' })
    const merged = mergeBothWays(
      a,
      b,
      anchor,
      (doc) => textOf(doc, 1).insert(1, ' very'),
      (doc) => textOf(doc, 0).delete(0, 'The '.length),
    )
    expect(merged).toEqual({
      kind: 'attached',
      from: from - 4,
      to: to - 4 + 5,
      text: 'lazy dog.\nA very second',
    })
  })

  it('does not resolve against another lesson', () => {
    const { a } = twoPeers()
    addLesson(a, 'lesson-2', [SENTENCE])
    const anchor = anchorPhrase(a)
    expect(resolveAnchor(a, bodyOf(a, 'lesson-2'), anchor)).toEqual({ kind: 'detached' })
  })
})
