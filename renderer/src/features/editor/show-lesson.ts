import type { Editor } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import {
  initProseMirrorDoc,
  ySyncPlugin,
  ySyncPluginKey,
  yUndoPlugin,
  yUndoPluginKey,
} from '@tiptap/y-tiptap'
import type { XmlFragment } from 'yjs'

/** The lesson body an editor shows and writes to. */
export const shownFragment = (editor: Editor): XmlFragment | null =>
  (ySyncPluginKey.getState(editor.state) as { readonly type?: XmlFragment } | undefined)?.type ?? null

/**
 * Binds an editor to another lesson's body, as a fresh editor on that lesson would be: its text from the lesson,
 * the caret at its start, an undo history of its own, and every plugin's state (comment highlights, carets, link
 * detection) started anew. Building a whole editor per lesson switch (30-odd extensions, their schema, commands
 * and node views) was most of a switch's time in a large course; this replaces the Yjs binding only.
 */
export function showLesson(editor: Editor, fragment: XmlFragment): void {
  const { state } = editor
  const sync = ySyncPluginKey.get(state)
  const undo = yUndoPluginKey.get(state)
  if (!sync || !undo) throw new Error('the lesson editor has no Yjs binding to move')
  // The lesson's document is built here, with the binding's map of it, so the binding need not render it again
  // once in the view: the page changes once, straight from one lesson to the other. An empty lesson is no valid
  // document yet (it needs a paragraph): the binding renders that one itself, as for a new editor.
  const built = initProseMirrorDoc(fragment, state.schema)
  const ready = built.doc.type.validContent(built.doc.content)
  const plugins = state.plugins.map((plugin) =>
    plugin === sync
      ? ySyncPlugin(fragment, ready ? { mapping: built.mapping } : {})
      : plugin === undo
        ? yUndoPlugin()
        : plugin,
  )
  editor.view.updateState(
    EditorState.create({ schema: state.schema, doc: ready ? built.doc : undefined, plugins }),
  )
  // Tells the editor's readers (toolbar, comment button) that its state changed; the transaction changes nothing.
  editor.view.dispatch(editor.state.tr.setMeta('addToHistory', false))
}
