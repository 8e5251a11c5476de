import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import StarterKit from '@tiptap/starter-kit'
import type { WebsocketProvider } from 'y-websocket'
import type { XmlFragment } from 'yjs'
import type { SyncUser } from '../../sync/course-sync'
import { CommentHighlights } from '../review/comment-highlights'
import { blockExtensions } from './blocks/block-extensions'
import type { MediaScope } from './blocks/media-scope'

/**
 * The lesson editor's schema: StarterKit's nodes and marks (the names in shared/course/content.ts) bound to the
 * lesson's Y.XmlFragment. StarterKit's own undo is off: Collaboration brings Yjs's undo manager, which reverts
 * only this author's edits, never a co-author's. A shared course also shows co-authors' named carets.
 */
export const lessonExtensions = (
  fragment: XmlFragment,
  provider: WebsocketProvider | null,
  media: MediaScope,
) => [
  StarterKit.configure({
    undoRedo: false,
    heading: { levels: [1, 2, 3] },
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: ['http', 'https', 'mailto'],
      HTMLAttributes: { title: 'Ctrl-click (⌘-click on a Mac) to open', rel: 'noopener noreferrer nofollow' },
    },
  }),
  Collaboration.configure({ fragment }),
  CommentHighlights,
  ...blockExtensions(media),
  ...(provider ? [caretsFor(provider)] : []),
]

const caretsFor = (provider: WebsocketProvider) => {
  const user = provider.awareness.getLocalState()?.user as SyncUser
  // The caret extension writes its `user` over the awareness one, so keep our fields and add the `color` it reads.
  return CollaborationCaret.configure({ provider, user: { ...user, color: user.colour }, render: caretOf })
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
