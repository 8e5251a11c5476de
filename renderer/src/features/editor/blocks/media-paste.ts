import { Extension } from '@tiptap/core'
import type { Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { isMediaHash } from '../../../../../shared/course/content'
import { adoptPastedMedia } from '../../../media/media-store'
import { insertMediaFiles, mediaFilesIn } from './insert-media'
import { mediaScopeOf } from './media-scope'

/** The blobs that pasted blocks (Chorus's own markup, e.g. copied from another course) name by hash. */
const hashesIn = (slice: Slice): string[] => {
  const hashes: string[] = []
  slice.content.descendants((node) => {
    const hash: unknown = node.attrs.hash
    if (typeof hash === 'string' && isMediaHash(hash)) hashes.push(hash)
  })
  return hashes
}

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
          transformPasted: (slice) => {
            const hashes = hashesIn(slice)
            if (hashes.length > 0 && editor.isEditable) {
              const scope = mediaScopeOf(editor)
              adoptPastedMedia(scope.db, scope.courseId, hashes).catch((cause: unknown) =>
                console.warn('[media] could not add pasted media to the course', cause),
              )
            }
            return slice
          },
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
