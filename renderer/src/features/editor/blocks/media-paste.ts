import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { insertMediaFiles, mediaFilesIn } from './insert-media'

/**
 * Image, video and audio files pasted or dropped into a lesson become local media blocks. Pasted web content
 * keeps its text but not its remote images: only Chorus's own block markup parses into an image (block-html.ts).
 */
export const MediaPaste = Extension.create({
  name: 'chorusMediaPaste',
  addProseMirrorPlugins() {
    const editor = this.editor
    return [
      new Plugin({
        key: new PluginKey('chorusMediaPaste'),
        props: {
          handlePaste: (_view, event) => {
            const files = mediaFilesIn(event.clipboardData)
            if (files.length === 0 || !editor.isEditable) return false
            event.preventDefault()
            void insertMediaFiles(editor, files, null)
            return true
          },
          handleDrop: (view, event, _slice, moved) => {
            const files = moved ? [] : mediaFilesIn(event.dataTransfer)
            if (files.length === 0 || !editor.isEditable) return false
            event.preventDefault()
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
            if (at)
              view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))))
            void insertMediaFiles(editor, files, null)
            return true
          },
        },
      }),
    ]
  },
})
