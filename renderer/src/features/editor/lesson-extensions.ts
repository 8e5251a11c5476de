import { Extension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Plugin, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import StarterKit from '@tiptap/starter-kit'
import type { WebsocketProvider } from 'y-websocket'
import type { XmlFragment } from 'yjs'
import type { SyncUser } from '../../sync/course-sync'
import { caretColour } from '../../sync/presence'
import { CommentHighlights } from '../../review/panel/comment-highlights'
import { blockExtensions } from './blocks/block-extensions'
import type { MediaScope } from './blocks/media-scope'

/**
 * The lesson editor's schema: StarterKit's nodes and marks (the names in shared/course/content.ts) bound to the
 * lesson's Y.XmlFragment. StarterKit's own undo is off: Collaboration brings Yjs's undo manager, which reverts
 * only this author's edits, never a co-author's. A shared course also shows co-authors' named carets.
 * StarterKit's trailing node is off: it appended an empty paragraph to every lesson ending in a list or heading
 * the moment the lesson opened, a change nobody made (two people opening it at once added two). A click below
 * the last block gives the author that paragraph when they ask for it instead.
 * Links take linkify's own schemes (http, https, mailto among them) and Tiptap's allowed list; no custom
 * `protocols`: registering them again on every editor made linkify warn "already initialized" and re-check them
 * on each lesson switch, and the next editor's destroy dropped them anyway.
 */
export const lessonExtensions = (
  fragment: XmlFragment,
  provider: WebsocketProvider | null,
  media: MediaScope,
) => [
  LessonStarterKit.configure({
    undoRedo: false,
    trailingNode: false,
    heading: { levels: [1, 2, 3] },
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      HTMLAttributes: { title: 'Ctrl-click (⌘-click on a Mac) to open', rel: 'noopener noreferrer nofollow' },
    },
  }),
  Collaboration.configure({ fragment }),
  CommentHighlights,
  WriteBelow,
  ...blockExtensions(media),
  ...(provider ? [caretsFor(provider)] : []),
]

/**
 * StarterKit whose link extension leaves linkify's scanner built when its editor goes. Tiptap's link resets
 * linkify on destroy (to drop custom schemes, which the lesson editor registers none of), so every lesson switch
 * rebuilt the scanner's state machine of every top-level domain: milliseconds and much garbage per switch.
 */
const LessonStarterKit = StarterKit.extend({
  addExtensions() {
    return (this.parent?.() ?? []).map((extension) =>
      extension.name === 'link' ? extension.extend({ onDestroy: () => undefined }) : extension,
    )
  },
})

/** Where a click below the lesson's last block puts the caret: in a paragraph after it, added if needed. */
const writeBelow = (view: EditorView, event: MouseEvent): boolean => {
  const last = view.dom.lastElementChild
  if (event.target !== view.dom || !last || event.clientY <= last.getBoundingClientRect().bottom) return false
  const { state } = view
  const end = state.doc.content.size
  const lastNode = state.doc.lastChild
  const emptyParagraph = lastNode?.type.name === 'paragraph' && lastNode.content.size === 0
  const paragraph = state.schema.nodes.paragraph
  if (!paragraph) return false
  const tr = emptyParagraph ? state.tr : state.tr.insert(end, paragraph.create())
  const caret = emptyParagraph ? end - 1 : end + 1
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, caret)).scrollIntoView())
  view.focus()
  event.preventDefault()
  return true
}

const WriteBelow = Extension.create({
  name: 'writeBelow',
  addProseMirrorPlugins: () => [new Plugin({ props: { handleDOMEvents: { mousedown: writeBelow } } })],
})

const caretsFor = (provider: WebsocketProvider) => {
  const user = provider.awareness.getLocalState()?.user as SyncUser
  // The caret extension writes its `user` over the awareness one, so keep our fields and add the `color` it reads.
  // Everyone sees a co-author in the same colour, distinct among those online (sync/presence.ts).
  const render = (caretUser: Record<string, unknown>) =>
    caretOf({ ...caretUser, colour: caretColour(provider.awareness, caretUser) })
  return CollaborationCaret.configure({ provider, user: { ...user, color: user.colour }, render })
}

// The name is drawn by CSS from data-name, not a text node, so the lesson's text content stays the lesson's own.
const caretOf = (user: Record<string, unknown>): HTMLElement => {
  const colour = typeof user.colour === 'string' ? user.colour : 'transparent'
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = colour
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.dataset.name = typeof user.name === 'string' ? user.name : ''
  label.style.backgroundColor = colour
  caret.append(label)
  return caret
}
