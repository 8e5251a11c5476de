import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse, deleteLesson, writeLessonContent } from './commands'
import { NODE, type ContentNode } from './content'
import { newCourseId } from './ids'
import { mediaReferences } from './media-refs'

const hash = (digit: string): string => digit.repeat(64)

const body = (...content: ContentNode[]): ContentNode => ({ type: NODE.doc, content })
const paragraph = (text: string): ContentNode => ({
  type: NODE.paragraph,
  content: [{ type: NODE.text, text }],
})

describe('mediaReferences', () => {
  it('lists every image, video and audio hash of every lesson once, with its mime, nested blocks included', () => {
    const doc = new Y.Doc()
    createCourse(doc, { id: newCourseId(), title: 'Media' })
    const sectionId = addSection(doc, { title: 'One' })
    const first = addLesson(doc, { sectionId, title: 'First' })
    const second = addLesson(doc, { sectionId, title: 'Second' })
    writeLessonContent(
      doc,
      first,
      body(
        paragraph('Look:'),
        { type: NODE.image, attrs: { hash: hash('a'), alt: 'A', mime: 'image/png' } },
        {
          type: NODE.callout,
          attrs: { tone: 'tip' },
          content: [{ type: NODE.video, attrs: { hash: hash('b'), mime: 'video/mp4', title: 'B' } }],
        },
      ),
    )
    writeLessonContent(
      doc,
      second,
      body(
        { type: NODE.audio, attrs: { hash: hash('c').toUpperCase(), mime: 'audio/mpeg', title: 'C' } },
        { type: NODE.image, attrs: { hash: hash('a'), alt: 'again', mime: 'image/png' } },
        { type: NODE.image, attrs: { hash: 'not-a-hash', alt: '', mime: 'image/png' } },
        { type: NODE.image, attrs: { alt: 'no hash at all' } },
      ),
    )
    expect(mediaReferences(doc)).toEqual(
      new Map([
        [hash('a'), 'image/png'],
        [hash('b'), 'video/mp4'],
        [hash('c'), 'audio/mpeg'],
      ]),
    )

    deleteLesson(doc, first)
    expect([...mediaReferences(doc).keys()]).toEqual([hash('c'), hash('a')])
  })

  it('is empty for a course without media', () => {
    const doc = new Y.Doc()
    createCourse(doc, { id: newCourseId(), title: 'Plain' })
    const lessonId = addLesson(doc, { sectionId: addSection(doc, { title: 'S' }), title: 'L' })
    writeLessonContent(doc, lessonId, body(paragraph('text only')))
    expect(mediaReferences(doc).size).toBe(0)
  })
})
