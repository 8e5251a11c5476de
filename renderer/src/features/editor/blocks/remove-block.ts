import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { NODE } from '../../../../../shared/course/content'

/**
 * Removes the block at `pos` and leaves the caret in text where it stood. Removing the lesson's last block puts an
 * empty paragraph in its place: otherwise the selection would fall back onto the block before it, and the next
 * insertion or keystroke would replace that block.
 */
export const removeBlock = (editor: Editor, pos: number | undefined): void => {
  if (pos === undefined || editor.isDestroyed) return
  const node = editor.state.doc.nodeAt(pos)
  if (node === null) return
  const { tr, schema } = editor.state
  const end = pos + node.nodeSize
  const paragraph = schema.nodes[NODE.paragraph]
  if (end === tr.doc.content.size && paragraph !== undefined) {
    tr.replaceWith(pos, end, paragraph.create())
    tr.setSelection(TextSelection.create(tr.doc, pos + 1))
  } else {
    tr.delete(pos, end)
    tr.setSelection(TextSelection.near(tr.doc.resolve(pos), 1))
  }
  editor.view.dispatch(tr.scrollIntoView())
  editor.view.focus()
}
