/**
 * Anchors: a ProseMirror range of a lesson body turned into two Yjs relative positions, so the range follows its
 * text while people edit around it, on every peer and across offline merges.
 *
 * The start sticks to the first character of the range (assoc 0: the character after it) and the end to the last
 * one (assoc -1: the character before it). Text typed right at either edge therefore stays outside the range,
 * text typed inside it grows the range, and deleting characters shrinks it; once all of them are gone the two ends
 * meet and the thread is detached.
 */
import * as Y from 'yjs'
import { layoutOf, textBetween, type BodyLayout, type TextRun } from './body-layout'
import { fromStoredPosition, toStoredPosition, type Anchor, type StoredPosition } from './stored-position'

export type { Anchor } from './stored-position'

export type ResolvedAnchor =
  | { readonly kind: 'attached'; readonly from: number; readonly to: number; readonly text: string }
  | { readonly kind: 'detached' }

type Assoc = 0 | -1

/**
 * The text run that holds a position. A position between two runs (or at a run's edge next to a leaf) could
 * belong to either: the start takes the run whose next character it precedes, the end the run whose last
 * character it follows, so each end is tied to a character of the range whenever there is one.
 */
const runAt = (layout: BodyLayout, position: number, assoc: Assoc): TextRun | undefined => {
  const holdsCharacter = (run: TextRun) =>
    assoc === 0 ? run.start <= position && position < run.end : run.start < position && position <= run.end
  return (
    layout.runs.find(holdsCharacter) ??
    layout.runs.find((run) => run.start <= position && position <= run.end)
  )
}

const relativeAt = (
  fragment: Y.XmlFragment,
  layout: BodyLayout,
  position: number,
  assoc: Assoc,
): Y.RelativePosition => {
  const run = runAt(layout, position, assoc)
  if (run !== undefined) return Y.createRelativePositionFromTypeIndex(run.text, position - run.start, assoc)
  // Outside any text (between blocks, in an empty paragraph): a gap between the children of one node.
  for (const [container, marks] of layout.boundaries) {
    const index = marks.indexOf(position)
    if (index !== -1) return Y.createRelativePositionFromTypeIndex(container, index, assoc)
  }
  // Every position in [0, size] is inside a run or at a gap, and callers clamp to that range.
  return Y.createRelativePositionFromTypeIndex(fragment, fragment.length, assoc)
}

const clamp = (position: number, size: number): number =>
  Number.isFinite(position) ? Math.min(size, Math.max(0, Math.trunc(position))) : 0

/** Positions outside the body are clamped into it, and a backwards range is turned around. */
export const anchorFromRange = (fragment: Y.XmlFragment, from: number, to: number): Anchor => {
  const layout = layoutOf(fragment)
  const [a, b] = [clamp(from, layout.size), clamp(to, layout.size)]
  const [start, end] = [Math.min(a, b), Math.max(a, b)]
  return {
    start: toStoredPosition(relativeAt(fragment, layout, start, 0)),
    end: toStoredPosition(relativeAt(fragment, layout, end, -1)),
  }
}

/**
 * A stored position as a ProseMirror position now, or null when it no longer points into this body: the node
 * that held it was deleted (or the anchor belongs to another lesson). Positions in deleted nodes are not moved to
 * a neighbour, because whether Yjs can still find such a node depends on garbage collection, which differs
 * between peers; refusing them keeps every replica's answer the same.
 */
const absoluteOf = (courseDoc: Y.Doc, layout: BodyLayout, stored: StoredPosition): number | null => {
  let resolved: Y.AbsolutePosition | null
  try {
    resolved = Y.createAbsolutePositionFromRelativePosition(fromStoredPosition(stored), courseDoc)
  } catch {
    return null
  }
  if (resolved === null) return null
  if (resolved.type instanceof Y.XmlText) {
    const run = layout.runOf.get(resolved.type)
    return run === undefined ? null : Math.min(run.end, run.start + resolved.index)
  }
  const marks = resolved.type instanceof Y.XmlFragment ? layout.boundaries.get(resolved.type) : undefined
  return marks === undefined ? null : (marks[Math.min(resolved.index, marks.length - 1)] ?? null)
}

export const resolveAnchor = (courseDoc: Y.Doc, fragment: Y.XmlFragment, anchor: Anchor): ResolvedAnchor => {
  const layout = layoutOf(fragment)
  const from = absoluteOf(courseDoc, layout, anchor.start)
  const to = absoluteOf(courseDoc, layout, anchor.end)
  if (from === null || to === null || from >= to) return { kind: 'detached' }
  return { kind: 'attached', from, to, text: textBetween(layout, from, to) }
}
