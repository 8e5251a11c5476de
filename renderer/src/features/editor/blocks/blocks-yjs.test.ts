/**
 * What an author makes with the blocks must reach the export unchanged. Tiptap's own Yjs binding
 * (@tiptap/y-tiptap) and the editor's real node definitions stand in for the editor: a body is written the way the
 * binding writes it (object and array attrs on Y.XmlElement), synced to a peer through a real Y.Doc update, read
 * back by readLessonContent and rendered by the exporter.
 */
import { getSchema, type JSONContent } from '@tiptap/core'
import { Node as PMNode } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import {
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLesson, addSection, createCourse } from '../../../../../shared/course/commands'
import { NODE, type QuestionAttrs } from '../../../../../shared/course/content'
import { readLessonContent } from '../../../../../shared/course/content-io'
import { newCourseId } from '../../../../../shared/course/ids'
import { lessonBody } from '../../../../../shared/course/read'
import type { LessonId } from '../../../../../shared/course/types'
import { questionAttrs } from '../../../../../shared/export/content-attrs'
import { renderNode, type RenderContext } from '../../../../../shared/export/render-content'
import { CalloutNode } from './callout-node'
import { ImageNode } from './image-node'
import { AudioNode, VideoNode } from './playable-node'
import { QuestionNode } from './question-node'
import { newQuestion, withChoiceText, withCorrect } from './question-model'

const schema = getSchema([
  StarterKit.configure({ undoRedo: false }),
  QuestionNode,
  CalloutNode,
  ImageNode,
  VideoNode,
  AudioNode,
])

const HASH = 'a'.repeat(64)

const question: QuestionAttrs = {
  ...newQuestion('multiple'),
  prompt: 'Which are primary colours?',
  choices: [
    { id: 'c1', text: 'Red', correct: true },
    { id: 'c2', text: 'Green & "lime"', correct: false },
    { id: 'c3', text: 'Blue', correct: true },
  ],
  feedbackCorrect: 'Yes.',
  feedbackIncorrect: 'Red and blue are.',
}

const body: JSONContent = {
  type: 'doc',
  content: [
    { type: NODE.question, attrs: { ...question } },
    {
      type: NODE.callout,
      attrs: { tone: 'warning' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mind the gap' }] }],
    },
    { type: NODE.image, attrs: { hash: HASH, alt: 'A chart', mime: 'image/png' } },
    { type: NODE.video, attrs: { hash: HASH, mime: 'video/mp4', title: 'Intro' } },
    { type: NODE.audio, attrs: { hash: HASH, mime: 'audio/mpeg', title: 'Interview' } },
  ],
}

const courseWithLesson = (): { doc: Y.Doc; lesson: LessonId; fragment: Y.XmlFragment } => {
  const doc = new Y.Doc()
  createCourse(doc, { id: newCourseId(), title: 'Course' })
  const sectionId = addSection(doc, { title: 'S' })
  const lesson = addLesson(doc, { sectionId, title: 'L' })
  const fragment = lessonBody(doc, lesson)
  if (!fragment) throw new Error('lesson has no body')
  return { doc, lesson, fragment }
}

const peerOf = (doc: Y.Doc): Y.Doc => {
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
  return peer
}

const render = (node: Parameters<typeof renderNode>[0]): string => {
  const ctx: RenderContext = { mediaUrl: (hash) => `media/${hash}.bin`, addQuestion: () => 0 }
  return renderNode(node, ctx)
}

describe('editor blocks through Yjs to the exporter', () => {
  it('keeps object and array attrs as JSON on the Y.XmlElement and reads them back for export', () => {
    const { doc, lesson, fragment } = courseWithLesson()
    doc.transact(() => prosemirrorJSONToYXmlFragment(schema, body, fragment))
    const peer = peerOf(doc)
    const content = readLessonContent(peer, lesson).content ?? []

    expect(content.map((n) => n.type)).toEqual([
      NODE.question,
      NODE.callout,
      NODE.image,
      NODE.video,
      NODE.audio,
    ])
    const [q, callout, image, video, audio] = content
    expect(q?.attrs).toEqual(question)
    expect(q && questionAttrs(q)).toEqual(question)
    expect(callout?.attrs).toEqual({ tone: 'warning' })
    expect(image?.attrs).toEqual({ hash: HASH, alt: 'A chart', mime: 'image/png' })

    const html = content.map((node) => render(node)).join('')
    expect(html).toContain('<legend>Which are primary colours?</legend>')
    expect(html).toContain('type="checkbox"')
    expect(html).toContain('Green &amp; &quot;lime&quot;')
    expect(html).toContain('<aside class="callout callout-warning" role="note"><p>Mind the gap</p></aside>')
    expect(html).toContain(`<img src="media/${HASH}.bin" alt="A chart">`)
    expect(html).toContain(`<video controls preload="metadata" src="media/${HASH}.bin" title="Intro">`)
    expect(html).toContain('<audio controls')
    expect(video?.attrs).toEqual({ hash: HASH, mime: 'video/mp4', title: 'Intro' })
    expect(audio?.attrs).toEqual({ hash: HASH, mime: 'audio/mpeg', title: 'Interview' })

    // And the editor on the other side shows the very same document.
    const fragmentOnPeer = lessonBody(peer, lesson)
    if (!fragmentOnPeer) throw new Error('peer has no body')
    expect(yXmlFragmentToProseMirrorRootNode(fragmentOnPeer, schema).toJSON()).toEqual(
      PMNode.fromJSON(schema, body).toJSON(),
    )
  })

  it('writes an edit of a choice the way the editor binding does, keeping the question id', () => {
    const { doc, lesson, fragment } = courseWithLesson()
    doc.transact(() => prosemirrorJSONToYXmlFragment(schema, body, fragment))
    const edited = withCorrect(withChoiceText(question, 1, 'Yellow'), 1, true)
    const pmDoc = PMNode.fromJSON(schema, {
      ...body,
      content: [{ type: NODE.question, attrs: { ...edited } }, ...(body.content ?? []).slice(1)],
    })
    updateYFragment(doc, fragment, pmDoc, { mapping: new Map(), isOMark: new Map() })

    const read = readLessonContent(peerOf(doc), lesson).content?.[0]
    expect(read?.attrs).toEqual(edited)
    expect(read?.attrs?.id).toBe(question.id)
    expect(read && questionAttrs(read)?.choices.map((c) => [c.text, c.correct])).toEqual([
      ['Red', true],
      ['Yellow', true],
      ['Blue', true],
    ])
  })
})
