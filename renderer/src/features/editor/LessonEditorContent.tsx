import type { createContentComponent, Editor } from '@tiptap/react'
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'

/** Where an editor's React node views (Chorus's blocks) render: `@tiptap/react`'s store of their portals. */
export type NodeViewPortals = ReturnType<typeof createContentComponent>

/** The two fields `@tiptap/react` reads on an editor to render React node views (it does not export the type). */
type EditorShowingNodeViews = Editor & {
  contentComponent?: NodeViewPortals | null
  isEditorContentInitialized?: boolean
}

/**
 * For `useEditor`'s `onBeforeCreate`: the editor's view is then built with real node views from the start,
 * instead of placeholders that have to be rebuilt once the editor is on the page.
 */
export const renderNodeViewsInto =
  (portals: NodeViewPortals) =>
  ({ editor }: { readonly editor: Editor }): void => {
    ;(editor as EditorShowingNodeViews).contentComponent = portals
  }

interface LessonEditorContentProps {
  readonly editor: Editor
  /** The store passed to `renderNodeViewsInto` when the editor was built. */
  readonly portals: NodeViewPortals
  readonly className: string
}

/**
 * Shows an editor built by `useEditor`: moves its rendered view into the page and renders its node views.
 * Tiptap's own `EditorContent` redraws the lesson twice more per lesson switch (resetting the old editor's node
 * views as it unmounts, creating the new editor's once mounted), each time reading the DOM selection, which forces
 * a layout of the whole page. Here nothing is redrawn; the old editor's view leaves the page with this element,
 * and `useEditor` destroys the editor right after.
 */
export function LessonEditorContent({ editor, portals, className }: LessonEditorContentProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const host = hostRef.current
    if (!host) return
    const view = editor.view.dom
    // Already here when React runs the effect again for the same editor (StrictMode does in development).
    if (view.parentElement !== host) host.replaceChildren(...(view.parentElement?.childNodes ?? [view]))
    const shown = editor as EditorShowingNodeViews
    // Node views added from now on render at once, as under EditorContent (the caret stays where it belongs).
    shown.isEditorContentInitialized = true
    return () => {
      shown.isEditorContentInitialized = false
    }
  }, [editor])
  return (
    <>
      <div ref={hostRef} className={className} />
      <NodeViews portals={portals} />
    </>
  )
}

function NodeViews({ portals }: { readonly portals: NodeViewPortals }) {
  const views = useSyncExternalStore(portals.subscribe, portals.getSnapshot, portals.getServerSnapshot)
  return <>{Object.values(views)}</>
}
