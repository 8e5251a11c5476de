import { getSchema } from '@tiptap/core'
import { EditorState, Plugin, TextSelection } from '@tiptap/pm/state'
import StarterKit from '@tiptap/starter-kit'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { acceptsTransaction, readOnlyKey } from './read-only-lesson'

const schema = getSchema([StarterKit])
const state = EditorState.create({
  schema,
  doc: schema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rain loosens topsoil.' }] }],
  }),
  plugins: [new Plugin({ filterTransaction: acceptsTransaction })],
})

describe('a read-only lesson', () => {
  it('refuses local changes to the text and to its marks', () => {
    expect(state.apply(state.tr.insertText('X', 1)).doc.textContent).toBe('Rain loosens topsoil.')
    expect(state.apply(state.tr.delete(1, 5)).doc.eq(state.doc)).toBe(true)
    expect(state.apply(state.tr.addMark(1, 5, schema.mark('bold'))).doc.eq(state.doc)).toBe(true)
  })

  it('refuses a change the binding did not make from the shared document', () => {
    const tr = state.tr.insertText('X', 1).setMeta(ySyncPluginKey, { isChangeOrigin: false })
    expect(state.apply(tr).doc.eq(state.doc)).toBe(true)
  })

  it('applies co-authors’ changes that arrive through the Yjs binding', () => {
    const tr = state.tr.insertText('Spring ', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    expect(state.apply(tr).doc.textContent).toBe('Spring Rain loosens topsoil.')
  })

  it('lets the caret and the selection move', () => {
    const moved = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 6)))
    expect(moved.selection.from).toBe(6)
  })

  it('moves the caret with the keys, refuses typing and leaves other shortcuts to the browser', () => {
    const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) =>
      readOnlyKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods })
    for (const k of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageDown'])
      expect(key(k)).toBe('editor')
    expect(key('a', { ctrlKey: true })).toBe('editor')
    for (const k of ['x', 'X', ' ', 'é', '😀', 'Enter', 'Backspace', 'Delete']) expect(key(k)).toBe('blocked')
    expect(key('Enter', { ctrlKey: true })).toBe('blocked')
    // Tab leaves the lesson; Ctrl+B and Ctrl+Z reach only the browser, whose edits beforeinput refuses.
    for (const k of ['Tab', 'Escape', 'F5']) expect(key(k)).toBe('browser')
    expect(key('b', { ctrlKey: true })).toBe('browser')
    expect(key('z', { metaKey: true })).toBe('browser')
    expect(key('m', { ctrlKey: true, altKey: true })).toBe('browser')
  })
})
