import type { Editor } from '@tiptap/react'
import { useEffect } from 'react'
import type { XmlFragment } from 'yjs'
import { useThreads } from '../review-session'
import { commentHighlightsKey, type HighlightMeta } from './comment-highlights'
import { highlightRanges, sameRanges, threadAt } from './highlight-ranges'
import { useReviewUi } from './review-ui'

const send = (editor: Editor, meta: HighlightMeta): void =>
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, meta))

/**
 * Keeps the lesson editor's comment highlights current and ties them to the side panel: clicking or putting the
 * caret in a highlight focuses its thread; focusing a thread in the panel marks its text and scrolls to it.
 */
export function useCommentHighlights(editor: Editor, fragment: XmlFragment): void {
  const ui = useReviewUi()
  const threads = useThreads()
  const lessonId = ui?.lessonId ?? null
  const focus = ui?.focus ?? null
  const focusThread = ui?.focusThread

  // Recomputed from the anchors whenever a thread or the lesson's text changes, here or on another peer.
  useEffect(() => {
    if (lessonId === null) return
    let live = true
    let scheduled = false
    const push = (): void => {
      scheduled = false
      if (!live) return
      const ranges = highlightRanges(threads, lessonId, fragment)
      // Most changes move no highlight the plugin has not already mapped itself (typing away from comments, any
      // change in a lesson without them): sending anyway would put a second editor transaction behind every
      // keystroke, mine or a co-author's.
      if (!sameRanges(commentHighlightsKey.getState(editor.state)?.ranges ?? [], ranges))
        send(editor, { ranges })
    }
    // A remote change reaches the editor through its own observer of this fragment: compute once both have run,
    // so the positions are read against the text the editor shows.
    const schedule = (): void => {
      if (scheduled) return
      scheduled = true
      queueMicrotask(push)
    }
    push()
    fragment.observeDeep(schedule)
    return () => {
      live = false
      fragment.unobserveDeep(schedule)
    }
  }, [editor, fragment, threads, lessonId])

  useEffect(() => {
    // Only a change: a new lesson's editor starts with no thread focused, and a needless transaction costs a switch.
    const focused = focus?.threadId ?? null
    if (commentHighlightsKey.getState(editor.state)?.focused !== focused) send(editor, { focused })
    if (focus?.source !== 'panel' && focus?.source !== 'link') return
    const frame = requestAnimationFrame(() => {
      if (editor.isDestroyed) return
      editor.view.dom
        .querySelector(`.comment-highlight[data-thread-id="${CSS.escape(focus.threadId)}"]`)
        ?.scrollIntoView({ block: 'center' })
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, focus])

  useEffect(() => {
    if (focusThread === undefined) return
    const onTransaction = ({ transaction }: { transaction: { getMeta(key: unknown): unknown } }): void => {
      const clicked = (transaction.getMeta(commentHighlightsKey) as HighlightMeta | undefined)?.clicked
      if (clicked !== undefined) focusThread(clicked, 'editor')
    }
    const onSelection = (): void => {
      const state = commentHighlightsKey.getState(editor.state)
      const { from, to } = editor.state.selection
      const threadId = state === undefined ? null : threadAt(state.ranges, from, to)
      if (threadId !== null) focusThread(threadId, 'editor')
    }
    editor.on('transaction', onTransaction)
    editor.on('selectionUpdate', onSelection)
    return () => {
      editor.off('transaction', onTransaction)
      editor.off('selectionUpdate', onSelection)
    }
  }, [editor, focusThread])
}
