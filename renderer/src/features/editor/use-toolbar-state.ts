import { useEditorState, type Editor } from '@tiptap/react'
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
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  })
