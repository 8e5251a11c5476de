import type * as Y from 'yjs'
import {
  allFeedbackOf,
  compareEntryKeys,
  feedbackKeys,
  observeFeedbackKeys,
  readFeedbackEntry,
  type FeedbackEntry,
} from './feedback-doc'
import type { AllFeedback } from './summary'

/** Every learner's feedback, read once and then kept current. */
export interface FeedbackWatch {
  /** The same object until an entry changes; unchanged entries keep their objects across changes. */
  current(): AllFeedback
  stop(): void
}

/** Where `key` is in `sorted`, or would go. */
const lowerBound = (sorted: readonly string[], key: string): number => {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareEntryKeys(sorted[middle] as string, key) < 0) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Reads every entry once, then after each change re-reads only the entries it touched. Reading them all again
 * took 0.2–0.45 s at 60,000 entries (300 learners × 100 lessons, answers included), and the Feedback panel did
 * that for every entry a learner sent while it was open. `onChange` follows each transaction that changed an entry.
 */
export const watchAllFeedback = (doc: Y.Doc, onChange: () => void): FeedbackWatch => {
  // Well-formed entries by key, in key order: keys[i] holds entries[i].
  const keys: string[] = []
  const entries: FeedbackEntry[] = []
  for (const key of [...feedbackKeys(doc)].sort(compareEntryKeys)) {
    const entry = readFeedbackEntry(doc, key)
    if (entry === null) continue
    keys.push(key)
    entries.push(entry)
  }
  let snapshot: AllFeedback | null = null

  const reread = (key: string): void => {
    const entry = readFeedbackEntry(doc, key)
    const at = lowerBound(keys, key)
    const held = keys[at] === key
    if (entry !== null && held) entries[at] = entry
    else if (entry !== null) {
      keys.splice(at, 0, key)
      entries.splice(at, 0, entry)
    } else if (held) {
      keys.splice(at, 1)
      entries.splice(at, 1)
    }
  }

  const stop = observeFeedbackKeys(doc, (changed) => {
    changed.forEach(reread)
    snapshot = null
    onChange()
  })
  return {
    current: () => (snapshot ??= allFeedbackOf(entries)),
    stop,
  }
}
