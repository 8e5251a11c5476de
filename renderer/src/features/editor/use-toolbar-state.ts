import type { EditorState } from '@tiptap/pm/state'
import { useEditorState, type Editor } from '@tiptap/react'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import { MARK, NODE } from '../../../../shared/course/content'

export interface ToolbarState {
  readonly heading1: boolean
  readonly heading2: boolean
  readonly heading3: boolean
  readonly bold: boolean
  readonly italic: boolean
  readonly bulletList: boolean
  readonly orderedList: boolean
  readonly blockquote: boolean
  readonly code: boolean
  readonly codeBlock: boolean
  readonly link: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
}

interface UndoStacks {
  readonly undoStack: readonly unknown[]
  readonly redoStack: readonly unknown[]
}

/**
 * The lesson's undo history, as Collaboration's undo and redo commands read it to decide whether they can run.
 * `editor.can()` would build every command of the editor twice per keystroke to ask the same: half of what typing
 * allocated in a large course, and the garbage collections that come with it.
 */
const undoStacks = (state: EditorState): UndoStacks | undefined =>
  (yUndoPluginKey.getState(state) as { readonly undoManager?: UndoStacks } | undefined)?.undoManager

/** What the toolbar shows as pressed or available; re-renders only when one of these changes. */
export const useToolbarState = (editor: Editor): ToolbarState =>
  useEditorState({
    editor,
    selector: ({ editor: e }): ToolbarState => ({
      heading1: e.isActive(NODE.heading, { level: 1 }),
      heading2: e.isActive(NODE.heading, { level: 2 }),
      heading3: e.isActive(NODE.heading, { level: 3 }),
      bold: e.isActive(MARK.bold),
      italic: e.isActive(MARK.italic),
      bulletList: e.isActive(NODE.bulletList),
      orderedList: e.isActive(NODE.orderedList),
      blockquote: e.isActive(NODE.blockquote),
      code: e.isActive(MARK.code),
      codeBlock: e.isActive(NODE.codeBlock),
      link: e.isActive(MARK.link),
      canUndo: (undoStacks(e.state)?.undoStack.length ?? 0) > 0,
      canRedo: (undoStacks(e.state)?.redoStack.length ?? 0) > 0,
    }),
  })
