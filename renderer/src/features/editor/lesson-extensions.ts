import Collaboration from '@tiptap/extension-collaboration'
import StarterKit from '@tiptap/starter-kit'
import type { XmlFragment } from 'yjs'

/**
 * The lesson editor's schema: StarterKit's nodes and marks (the names in shared/course/content.ts) bound to the
 * lesson's Y.XmlFragment. StarterKit's own undo is off: Collaboration brings Yjs's undo manager, which reverts
 * only this author's edits, never a co-author's.
 */
export const lessonExtensions = (fragment: XmlFragment) => [
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
]
