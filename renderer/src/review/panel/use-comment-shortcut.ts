import type { Editor } from '@tiptap/react'
import { useEffect } from 'react'

/** Ctrl+Alt+M (⌘⌥M on a Mac). The key's code, not its character: Alt+M types "µ" on a Mac. */
const isCommentShortcut = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM'

/**
 * Listens on the window rather than in the editor, so the shortcut works wherever focus is (the toolbar, the panel)
 * and whatever keys a read-only lesson lets through; the lesson's selection is what it comments on.
 */
export function useCommentShortcut(editor: Editor, start: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isCommentShortcut(event) || editor.isDestroyed) return
      const selected = document.getSelection()?.anchorNode ?? null
      if (selected === null || !editor.view.dom.contains(selected)) return
      event.preventDefault()
      start()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [editor, start])
}
