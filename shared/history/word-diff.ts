/** Word-level differences between two texts, and block-level ones between two lists of blocks. */
import { diffHunks, diffSequences, wordTokens as tokenize } from '../course/sequence-diff'
import type { TextRun } from './types'

const isSpace = (text: string): boolean => /^\s+$/.test(text)

/**
 * Joins runs of one kind and orders each change as removed-then-added. A lone space kept between two changes
 * ("the old cat" → "a new dog") is folded into them, so the reader sees "~~the old cat~~ a new dog" rather than
 * a word-by-word zigzag.
 */
const tidy = (runs: readonly TextRun[]): TextRun[] => {
  const folded = runs.flatMap((run, index): TextRun[] => {
    const before = runs[index - 1]
    const after = runs[index + 1]
    return run.kind === 'same' &&
      isSpace(run.text) &&
      before !== undefined &&
      before.kind !== 'same' &&
      after !== undefined &&
      after.kind !== 'same'
      ? [
          { kind: 'removed', text: run.text },
          { kind: 'added', text: run.text },
        ]
      : [run]
  })
  const out: TextRun[] = []
  let removed = ''
  let added = ''
  const flush = (): void => {
    if (removed !== '') out.push({ kind: 'removed', text: removed })
    if (added !== '') out.push({ kind: 'added', text: added })
    removed = ''
    added = ''
  }
  for (const run of folded) {
    if (run.kind === 'removed') removed += run.text
    else if (run.kind === 'added') added += run.text
    else {
      flush()
      const last = out[out.length - 1]
      if (last?.kind === 'same') out[out.length - 1] = { kind: 'same', text: last.text + run.text }
      else if (run.text !== '') out.push(run)
    }
  }
  flush()
  return out
}

const diffWords = (before: string, after: string): TextRun[] => {
  const a = tokenize(before)
  const b = tokenize(after)
  return tidy(
    diffSequences(a, b).map((run): TextRun =>
      run.kind === 'same'
        ? { kind: 'same', text: a.slice(run.a, run.a + run.length).join('') }
        : run.kind === 'removed'
          ? { kind: 'removed', text: a.slice(run.a, run.a + run.length).join('') }
          : { kind: 'added', text: b.slice(run.b, run.b + run.length).join('') },
    ),
  )
}

/** Share of the two texts' words that the diff keeps (Dice): 1 for equal texts, 0 for nothing in common. */
const similarity = (runs: readonly TextRun[]): number => {
  let kept = 0
  let total = 0
  for (const run of runs) {
    const words = tokenize(run.text).filter((token) => !isSpace(token)).length
    // A kept word is in both texts; a removed or added one in one of them.
    total += run.kind === 'same' ? 2 * words : words
    if (run.kind === 'same') kept += 2 * words
  }
  return total === 0 ? 1 : kept / total
}

/** Below this share of common words, a changed block reads better as one removed and one added block. */
const PAIRING_SIMILARITY = 0.4

/**
 * Block by block: kept blocks as one 'same' run, and where blocks changed, each removed block paired with the
 * added one at the same place (word by word) when they share enough words, else shown whole.
 */
export const diffBlocks = (before: readonly string[], after: readonly string[]): TextRun[][] =>
  diffHunks(before, after).flatMap((hunk): TextRun[][] => {
    if (hunk.kind === 'same')
      return after.slice(hunk.b, hunk.b + hunk.length).map((text) => [{ kind: 'same', text }])
    const removed = before.slice(hunk.a, hunk.a + hunk.removed)
    const added = after.slice(hunk.b, hunk.b + hunk.added)
    const paired = Math.min(removed.length, added.length)
    const pairs = removed.slice(0, paired).flatMap((oldText, i): TextRun[][] => {
      const newText = added[i] ?? ''
      const words = diffWords(oldText, newText)
      return similarity(words) >= PAIRING_SIMILARITY
        ? [words]
        : [[{ kind: 'removed', text: oldText }], [{ kind: 'added', text: newText }]]
    })
    return [
      ...pairs,
      ...removed.slice(paired).map((text): TextRun[] => [{ kind: 'removed', text }]),
      ...added.slice(paired).map((text): TextRun[] => [{ kind: 'added', text }]),
    ]
  })
