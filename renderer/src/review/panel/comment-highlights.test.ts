import { getSchema } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import StarterKit from '@tiptap/starter-kit'
import { describe, expect, it } from 'vitest'
import type { ThreadId } from '../../../../shared/review/types'
import { commentHighlightsKey, commentHighlightsPlugin, type HighlightMeta } from './comment-highlights'

const schema = getSchema([StarterKit])
const A = 'thread-a' as ThreadId
const B = 'thread-b' as ThreadId

// "Rain loosens topsoil." — position 1 is before "R"; "loosens topsoil" runs from 6 to 21.
const start = () =>
  EditorState.create({
    schema,
    doc: schema.nodeFromJSON({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rain loosens topsoil.' }] }],
    }),
    plugins: [commentHighlightsPlugin()],
  })

const send = (state: EditorState, meta: HighlightMeta) =>
  state.apply(state.tr.setMeta(commentHighlightsKey, meta))

/** What each decoration covers, with its attributes. */
const drawn = (state: EditorState) =>
  (commentHighlightsKey.getState(state)?.decorations.find() ?? []).map((decoration) => ({
    text: state.doc.textBetween(decoration.from, decoration.to),
    attrs: (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs,
  }))

describe('comment highlights', () => {
  it('draws each range as a decoration carrying its thread id, the focused one marked', () => {
    const state = send(start(), {
      ranges: [
        { threadId: A, from: 6, to: 21 },
        { threadId: B, from: 1, to: 5 },
      ],
      focused: B,
    })
    expect(drawn(state)).toEqual([
      { text: 'Rain', attrs: { class: 'comment-highlight comment-highlight-focused', 'data-thread-id': B } },
      { text: 'loosens topsoil', attrs: { class: 'comment-highlight', 'data-thread-id': A } },
    ])
    // The lesson itself is untouched: highlights are decorations, not marks.
    expect(state.doc.eq(start().doc)).toBe(true)
  })

  it('keeps covering the phrase through local edits at its edges until fresh ranges arrive', () => {
    let state = send(start(), { ranges: [{ threadId: A, from: 6, to: 21 }] })
    state = state.apply(state.tr.insertText('heavy ', 6))
    state = state.apply(state.tr.insertText(' quickly', 27))
    expect(state.doc.textContent).toBe('Rain heavy loosens topsoil quickly.')
    expect(drawn(state).map((range) => range.text)).toEqual(['loosens topsoil'])
    state = state.apply(state.tr.delete(12, 27))
    expect(drawn(state)).toEqual([])
  })

  it('ignores ranges that do not fit the document', () => {
    expect(drawn(send(start(), { ranges: [{ threadId: A, from: 6, to: 99 }] }))).toEqual([])
  })
})
