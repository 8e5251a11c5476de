import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonId } from '../../../../shared/course/types'
import { createThread, resolveThread } from '../../../../shared/review/commands'
import { readThreads } from '../../../../shared/review/read'
import { draftFromRange } from './comment-draft'
import { highlightRanges, sameRanges, threadAt, type HighlightRange } from './highlight-ranges'

const schema = getSchema([StarterKit])
const LESSON = 'lesson-a' as LessonId
const OTHER = 'lesson-b' as LessonId
const ada = { id: 'ada', name: 'Ada' }

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** A lesson body laid out by y-tiptap, the binding the editor uses. */
const lessonBody = () => {
  const courseDoc = new Y.Doc()
  const fragment = courseDoc.getXmlFragment('body')
  const json = {
    type: 'doc',
    content: [paragraph('Soil holds water.'), paragraph('Rain loosens topsoil on bare slopes.')],
  }
  prosemirrorJSONToYXmlFragment(schema, json, fragment)
  return { courseDoc, fragment }
}

/** What the editor would show between two positions. */
const shown = (fragment: Y.XmlFragment, range: HighlightRange | undefined): string => {
  const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema)
  return range === undefined ? '' : doc.textBetween(range.from, range.to, '\n')
}

/** The positions of a phrase in the editor's document. */
const rangeOf = (fragment: Y.XmlFragment, phrase: string): { from: number; to: number } => {
  const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema)
  let found: { from: number; to: number } | undefined
  doc.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(phrase) : -1
    if (at !== -1 && found === undefined) found = { from: pos + at, to: pos + at + phrase.length }
  })
  if (found === undefined) throw new Error(`no “${phrase}” in the body`)
  return found
}

const comment = (review: Y.Doc, fragment: Y.XmlFragment, lessonId: LessonId, phrase: string) => {
  const { from, to } = rangeOf(fragment, phrase)
  const draft = draftFromRange(fragment, lessonId, from, to)
  if (draft === null) throw new Error('no draft')
  return createThread(review, { ...draft, author: ada, body: 'Why?', mentions: [] })
}

describe('highlightRanges', () => {
  it('covers exactly the commented phrase, and still does after text is typed before, after and elsewhere', () => {
    const { fragment } = lessonBody()
    const review = new Y.Doc()
    const id = comment(review, fragment, LESSON, 'loosens topsoil')
    const [range] = highlightRanges(readThreads(review), LESSON, fragment)
    expect(range?.threadId).toBe(id)
    expect(shown(fragment, range)).toBe('loosens topsoil')

    const second = fragment.get(1) as Y.XmlElement
    const text = second.get(0) as Y.XmlText
    text.insert(5, 'heavy ') // right before the phrase
    text.insert(5 + 6 + 'loosens topsoil'.length, ' quickly') // right after it
    ;((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Good ')
    expect(text.toString()).toBe('Rain heavy loosens topsoil quickly on bare slopes.')
    expect(shown(fragment, highlightRanges(readThreads(review), LESSON, fragment)[0])).toBe('loosens topsoil')
  })

  it('draws only open, attached threads of this lesson, in document order', () => {
    const { fragment } = lessonBody()
    const review = new Y.Doc()
    const later = comment(review, fragment, LESSON, 'bare slopes')
    const earlier = comment(review, fragment, LESSON, 'Soil')
    const resolved = comment(review, fragment, LESSON, 'holds')
    resolveThread(review, { threadId: resolved, by: ada })
    comment(review, fragment, OTHER, 'water')
    const gone = comment(review, fragment, LESSON, 'Rain')
    ;((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 'Rain'.length)

    const ranges = highlightRanges(readThreads(review), LESSON, fragment)
    expect(ranges.map((range) => range.threadId)).toEqual([earlier, later])
    expect(ranges.map((range) => shown(fragment, range))).toEqual(['Soil', 'bare slopes'])
    expect(ranges.some((range) => range.threadId === gone)).toBe(false)
  })

  it('offers no draft for an empty selection or one without text', () => {
    const { fragment } = lessonBody()
    expect(draftFromRange(fragment, LESSON, 3, 3)).toBeNull()
    const draft = draftFromRange(fragment, LESSON, 1, 5)
    expect(draft?.quote).toBe('Soil')
  })
})

describe('threadAt', () => {
  const a = { threadId: 'a', from: 10, to: 30 } as unknown as HighlightRange
  const b = { threadId: 'b', from: 15, to: 20 } as unknown as HighlightRange

  it('picks the innermost highlight around a caret or a selection', () => {
    expect(threadAt([a, b], 12, 12)).toBe('a')
    expect(threadAt([a, b], 16, 16)).toBe('b')
    expect(threadAt([a, b], 15, 20)).toBe('b')
    expect(threadAt([a, b], 12, 25)).toBe('a')
  })

  it('does not count a caret at the edge of a highlight, or a selection reaching out of it', () => {
    expect(threadAt([a], 10, 10)).toBeNull()
    expect(threadAt([a], 30, 30)).toBeNull()
    expect(threadAt([a], 5, 12)).toBeNull()
  })
})

describe('sameRanges', () => {
  const range = (threadId: string, from: number, to: number) =>
    ({ threadId, from, to }) as unknown as HighlightRange

  it('is true only for the same threads at the same positions', () => {
    expect(sameRanges([], [])).toBe(true)
    expect(sameRanges([range('a', 1, 5)], [range('a', 1, 5)])).toBe(true)
    expect(sameRanges([range('a', 1, 5)], [range('a', 1, 6)])).toBe(false)
    expect(sameRanges([range('a', 1, 5)], [range('b', 1, 5)])).toBe(false)
    expect(sameRanges([range('a', 1, 5)], [])).toBe(false)
  })
})
