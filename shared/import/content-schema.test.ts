/**
 * The import checks its output against LESSON_SCHEMA; this proves LESSON_SCHEMA is the editor's schema: same
 * nodes, content expressions, groups, attrs and marks as StarterKit (configured as the editor does) plus
 * Chorus's blocks.
 */
import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import type { Schema } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { CalloutNode } from '../../renderer/src/features/editor/blocks/callout-node'
import { ImageNode } from '../../renderer/src/features/editor/blocks/image-node'
import { AudioNode, VideoNode } from '../../renderer/src/features/editor/blocks/playable-node'
import { QuestionNode } from '../../renderer/src/features/editor/blocks/question-node'
import { checkLessonContent, LESSON_SCHEMA } from './content-schema'

const editorSchema = getSchema([
  StarterKit.configure({ undoRedo: false, heading: { levels: [1, 2, 3] } }),
  QuestionNode,
  CalloutNode,
  ImageNode,
  VideoNode,
  AudioNode,
])

const shape = (schema: Schema) => ({
  nodes: Object.fromEntries(
    Object.entries(schema.nodes).map(([name, type]) => [
      name,
      {
        content: type.spec.content ?? '',
        group: (type.spec.group ?? '')
          .split(' ')
          .filter((g) => g !== '')
          .sort(),
        inline: type.isInline,
        attrs: Object.keys(type.spec.attrs ?? {}).sort(),
        marks: type.spec.marks ?? null,
      },
    ]),
  ),
  marks: Object.fromEntries(
    Object.entries(schema.marks).map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]),
  ),
})

describe('LESSON_SCHEMA', () => {
  it('matches the lesson editor’s schema', () => {
    const ours = shape(LESSON_SCHEMA)
    const editor = shape(editorSchema)
    expect(Object.keys(ours.nodes).sort()).toEqual(Object.keys(editor.nodes).sort())
    for (const name of Object.keys(editor.nodes))
      expect([name, ours.nodes[name]]).toEqual([name, editor.nodes[name]])
    expect(ours.marks).toEqual(editor.marks)
  })

  it('refuses what the editor refuses', () => {
    const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
    expect(checkLessonContent({ type: 'doc', content: [para('ok')] })).toBeNull()
    expect(
      checkLessonContent({ type: 'doc', content: [{ type: 'listItem', content: [para('x')] }] }),
    ).not.toBeNull()
    expect(
      checkLessonContent({ type: 'doc', content: [{ type: 'heading', attrs: { level: 4 }, content: [] }] }),
    ).not.toBeNull()
    expect(checkLessonContent({ type: 'doc', content: [{ type: 'table' }] })).not.toBeNull()
  })
})
