/**
 * Bodies written here must render in Tiptap and bodies typed in Tiptap must read back here. Tiptap's own Yjs
 * binding (@tiptap/y-tiptap) and StarterKit's schema stand in for the editor; shared code never imports them.
 */
import { getSchema } from '@tiptap/core'
import { Node as PMNode } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse } from './commands'
import type { ContentNode } from './content'
import { readLessonContent, writeLessonContent } from './content-io'
import { newCourseId } from './ids'
import { lessonBody } from './read'
import type { LessonId } from './types'

const schema = getSchema([StarterKit])

const sample: ContentNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Before a fire' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Know ' },
        { type: 'text', text: 'two', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: ' exits. See ' },
        {
          type: 'text',
          text: 'the plan',
          marks: [{ type: 'link', attrs: { href: 'https://example.com/plan', target: '_blank' } }],
        },
        { type: 'hardBreak' },
        { type: 'text', text: 'Call ' },
        { type: 'text', text: '112', marks: [{ type: 'code' }] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Stay low' }] }] },
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Close doors' }] }],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Safety first.' }] }],
    },
    { type: 'codeBlock', attrs: { language: 'bash' }, content: [{ type: 'text', text: 'echo "exit"\nls' }] },
    { type: 'horizontalRule' },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
    },
  ],
}

const courseWithLesson = (): { doc: Y.Doc; lesson: LessonId } => {
  const doc = new Y.Doc()
  createCourse(doc, { id: newCourseId(), title: 'Course' })
  const sectionId = addSection(doc, { title: 'S' })
  return { doc, lesson: addLesson(doc, { sectionId, title: 'L' }) }
}

/** ProseMirror's own normal form: defaults filled in, so the comparison ignores attrs the schema supplies. */
const normal = (content: ContentNode): unknown => PMNode.fromJSON(schema, content).toJSON()

describe('lesson content', () => {
  it('round-trips through write and read', () => {
    const { doc, lesson } = courseWithLesson()
    writeLessonContent(doc, lesson, sample)
    expect(readLessonContent(doc, lesson)).toEqual(sample)
  })

  it('writes a body that Tiptap reads as the same document', () => {
    const { doc, lesson } = courseWithLesson()
    writeLessonContent(doc, lesson, sample)
    const body = lessonBody(doc, lesson)
    if (body === undefined) throw new Error('lesson has no body')
    const asTiptapSees = yXmlFragmentToProseMirrorRootNode(body, schema)
    expect(asTiptapSees.toJSON()).toEqual(normal(sample))
  })

  it('reads a body that Tiptap wrote', () => {
    const { doc, lesson } = courseWithLesson()
    const tiptapJson = PMNode.fromJSON(schema, sample).toJSON()
    doc.transact(() => prosemirrorJSONToYXmlFragment(schema, tiptapJson, lessonBody(doc, lesson)))
    expect(normal(readLessonContent(doc, lesson))).toEqual(tiptapJson)
  })

  it('replaces the previous body and syncs to a peer', () => {
    const { doc, lesson } = courseWithLesson()
    writeLessonContent(doc, lesson, sample)
    const replacement: ContentNode = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'New' }] }],
    }
    writeLessonContent(doc, lesson, replacement)
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    expect(readLessonContent(peer, lesson)).toEqual(replacement)
  })

  it('drops empty text nodes and merges adjacent ones, as ProseMirror does', () => {
    const { doc, lesson } = courseWithLesson()
    writeLessonContent(doc, lesson, {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        },
      ],
    })
    expect(readLessonContent(doc, lesson)).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ab' }] }],
    })
  })

  it('reads an unknown lesson as an empty doc and refuses to write one', () => {
    const { doc } = courseWithLesson()
    expect(readLessonContent(doc, 'nope' as LessonId)).toEqual({ type: 'doc', content: [] })
    expect(() => writeLessonContent(doc, 'nope' as LessonId, sample)).toThrow(/unknown lesson/)
  })
})
