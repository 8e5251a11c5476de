/**
 * A lesson this user may read but not change (reviewer, viewer, a course from a newer Chorus). The editor stays
 * focusable with a caret, so a keyboard user can Tab in, select with Shift+arrows and comment on the selection;
 * this extension makes sure nothing they do changes the text. Every local change to the document is refused
 * where ProseMirror applies it, so no path (keys, paste, drop, cut, IME, a command) can get around it; the input
 * events are stopped as well, so the page never shows an edit for a moment. Co-authors' edits still arrive: they
 * come through the Yjs binding, whose transactions carry its meta.
 */
import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

export const READ_ONLY_LESSON = 'chorusReadOnlyLesson'

interface ReadOnlyLessonOptions {
  readonly readOnly: boolean
}

/** Made by the Yjs binding from the shared document: a co-author's edit, or the first render of the lesson. */
const fromSharedDoc = (tr: Transaction): boolean =>
  (tr.getMeta(ySyncPluginKey) as { readonly isChangeOrigin?: unknown } | undefined)?.isChangeOrigin === true

export const acceptsTransaction = (tr: Transaction): boolean => !tr.docChanged || fromSharedDoc(tr)

/**
 * What a key does in a read-only lesson. `editor`: the editor moves the caret or the selection. `browser`: the
 * editor's own shortcuts stay off (formatting, undo) and the browser does what it does in any page (Tab, copy,
 * find, the comment shortcut on the window); an edit the browser would make is refused at `beforeinput`.
 * `blocked`: nothing happens.
 */
export type ReadOnlyKey = 'editor' | 'browser' | 'blocked'

const NAVIGATION = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
])
const EDITING = new Set(['Enter', 'Backspace', 'Delete'])

export const readOnlyKey = (
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): ReadOnlyKey => {
  const mod = event.ctrlKey || event.metaKey
  if (NAVIGATION.has(event.key)) return 'editor'
  if (mod && !event.altKey && event.key.toLowerCase() === 'a') return 'editor'
  if (EDITING.has(event.key)) return 'blocked'
  // One character (an emoji is two UTF-16 units) typed without Ctrl or ⌘.
  if (!mod && [...event.key].length === 1) return 'blocked'
  return 'browser'
}

const refuse = (_view: unknown, event: Event): boolean => {
  event.preventDefault()
  return true
}

const readOnlyPlugin = (): Plugin =>
  new Plugin({
    key: new PluginKey(READ_ONLY_LESSON),
    filterTransaction: acceptsTransaction,
    props: {
      handleDOMEvents: {
        keydown: (view, event) => {
          // Keys on a control inside a block (a video's player) are that control's.
          if (event.target !== view.dom) return false
          const outcome = readOnlyKey(event)
          if (outcome === 'editor') return false
          if (outcome === 'blocked') event.preventDefault()
          return true
        },
        beforeinput: refuse,
        paste: refuse,
        dragstart: refuse,
        dragover: (view, event) => {
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'none'
          return refuse(view, event)
        },
        drop: refuse,
      },
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
    },
  })

/** Ahead of every other extension, so its handlers answer first (the media paste and drop ones included). */
export const ReadOnlyLesson = Extension.create<ReadOnlyLessonOptions>({
  name: READ_ONLY_LESSON,
  priority: 1000,
  addOptions: () => ({ readOnly: false }),
  addProseMirrorPlugins() {
    return this.options.readOnly ? [readOnlyPlugin()] : []
  },
})

/** Whether this user may change the lesson: what node views ask before showing their editing controls. */
export const canEditLesson = (editor: Editor): boolean => {
  if (!editor.isEditable) return false
  const extension = editor.extensionManager.extensions.find((e) => e.name === READ_ONLY_LESSON)
  return !(extension?.options as ReadOnlyLessonOptions | undefined)?.readOnly
}
