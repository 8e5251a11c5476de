/**
 * Comment highlights in the lesson editor: ProseMirror decorations, never marks, so a comment cannot change the
 * lesson's content. React hands the plugin the ranges (use-comment-highlights.ts); between two hand-overs the
 * ranges follow local edits through the transaction mapping.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { ThreadId } from '../../../../shared/review/types'
import type { HighlightRange } from './highlight-ranges'

interface HighlightState {
  readonly ranges: readonly HighlightRange[]
  readonly focused: ThreadId | null
  readonly decorations: DecorationSet
}

/** What React sends to the plugin; the plugin sends `clicked` back when a highlight is clicked. */
export interface HighlightMeta {
  readonly ranges?: readonly HighlightRange[]
  readonly focused?: ThreadId | null
  readonly clicked?: ThreadId
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights')

const decorate = (doc: ProseMirrorNode, ranges: readonly HighlightRange[], focused: ThreadId | null) =>
  DecorationSet.create(
    doc,
    ranges
      .filter((range) => range.from < range.to && range.to <= doc.content.size)
      .map((range) =>
        Decoration.inline(range.from, range.to, {
          class:
            range.threadId === focused ? 'comment-highlight comment-highlight-focused' : 'comment-highlight',
          'data-thread-id': range.threadId,
        }),
      ),
  )

// Text typed at either edge stays outside the range, as the anchor does (shared/review/anchor.ts).
const mapRanges = (ranges: readonly HighlightRange[], tr: Transaction): HighlightRange[] =>
  ranges
    .map((range) => ({ ...range, from: tr.mapping.map(range.from, 1), to: tr.mapping.map(range.to, -1) }))
    .filter((range) => range.from < range.to)

const apply = (tr: Transaction, state: HighlightState): HighlightState => {
  const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined
  if (meta?.ranges === undefined && meta?.focused === undefined && !tr.docChanged) return state
  const ranges = meta?.ranges ?? (tr.docChanged ? mapRanges(state.ranges, tr) : state.ranges)
  const focused = meta?.focused !== undefined ? meta.focused : state.focused
  return { ranges, focused, decorations: decorate(tr.doc, ranges, focused) }
}

/** The innermost highlight around a document position. */
const clickedThread = (state: HighlightState, pos: number): ThreadId | undefined =>
  state.ranges
    .filter((range) => range.from <= pos && pos <= range.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))[0]?.threadId

export const commentHighlightsPlugin = (): Plugin<HighlightState> =>
  new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: () => ({ ranges: [], focused: null, decorations: DecorationSet.empty }),
      apply,
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      // Works in a read-only editor too: reviewers click highlights to read their threads.
      handleClick: (view, pos) => {
        const state = commentHighlightsKey.getState(view.state)
        const clicked = state === undefined ? undefined : clickedThread(state, pos)
        if (clicked !== undefined) {
          view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { clicked } satisfies HighlightMeta))
        }
        return false
      },
    },
  })

export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins: () => [commentHighlightsPlugin()],
})
