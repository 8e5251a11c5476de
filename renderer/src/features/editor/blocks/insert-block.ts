import type { Editor, JSONContent } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import { NODE } from '../../../../../shared/course/content'

/**
 * Inserts blocks at the caret, or after the selected block (a selected question or image is never replaced by
 * an insertion). A block that ends the lesson gets an empty paragraph after it, and the caret goes to the text
 * after the new blocks, so typing on does not replace what was just inserted.
 */
export const insertBlocks = (editor: Editor, blocks: readonly JSONContent[]): void => {
  if (blocks.length === 0 || editor.isDestroyed) return
  const { selection } = editor.state
  const chain = editor.chain().focus()
  if (selection instanceof NodeSelection) chain.insertContentAt(selection.to, [...blocks])
  else chain.insertContent([...blocks])
  chain.run()
  const last = editor.state.doc.lastChild
  if (last && !last.isTextblock)
    editor.commands.insertContentAt(
      editor.state.doc.content.size,
      { type: NODE.paragraph },
      { updateSelection: false },
    )
  const after = editor.state.selection
  if (after instanceof NodeSelection && editor.state.doc.resolve(after.to).nodeAfter?.isTextblock) {
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, after.to + 1)))
  }
}
