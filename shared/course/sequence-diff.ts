/**
 * The shortest edit script between two sequences (Myers, "An O(ND) Difference Algorithm", 1986), as runs of
 * kept, removed and added items: on words and blocks to show what changed between versions (shared/history), and
 * to restore a lesson body with the fewest edits (restore-body.ts).
 */

/** Words (letters, digits, underscores), runs of white space, and single other characters. */
const WORD_TOKEN = /[\p{L}\p{N}\p{M}_]+|\s+|[^\p{L}\p{N}\p{M}_\s]/gu

export const wordTokens = (text: string): string[] => text.match(WORD_TOKEN) ?? []

export type DiffRun =
  | { readonly kind: 'same'; readonly a: number; readonly b: number; readonly length: number }
  | { readonly kind: 'removed'; readonly a: number; readonly length: number }
  | { readonly kind: 'added'; readonly b: number; readonly length: number }

/**
 * Past this many differences the script stops being searched for and the differing middle is reported as removed
 * then added whole: the search keeps one row per difference, so memory grows with its square.
 */
const MAX_EDIT_DISTANCE = 1500

type Step = 'same' | 'removed' | 'added'

/** The steps that turn a into b, or undefined past MAX_EDIT_DISTANCE. */
const myersSteps = (a: readonly string[], b: readonly string[]): Step[] | undefined => {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, MAX_EDIT_DISTANCE)
  const offset = max + 1
  // v[k + offset] = the furthest x reached on diagonal k = x - y. trace[d] is v as round d found it, to walk back.
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x = startOfSnake(v, k, d, offset)
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[k + offset] = x
      if (x >= n && y >= m) return walkBack(trace, n, m, offset)
    }
  }
  return undefined
}

/** Whether diagonal k is reached from k + 1 (an added item) rather than from k - 1 (a removed one). */
const comesDown = (v: Int32Array, k: number, d: number, offset: number): boolean =>
  k === -d || (k !== d && (v[k - 1 + offset] ?? 0) < (v[k + 1 + offset] ?? 0))

const startOfSnake = (v: Int32Array, k: number, d: number, offset: number): number =>
  comesDown(v, k, d, offset) ? (v[k + 1 + offset] ?? 0) : (v[k - 1 + offset] ?? 0) + 1

/** From the end back to the start: each round's edit, preceded by the run of equal items that followed it. */
const walkBack = (trace: readonly Int32Array[], n: number, m: number, offset: number): Step[] => {
  const steps: Step[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d] ?? new Int32Array(0)
    const k = x - y
    const down = comesDown(v, k, d, offset)
    const previousK = down ? k + 1 : k - 1
    const previousX = v[previousK + offset] ?? 0
    const previousY = previousX - previousK
    while (x > previousX && y > previousY) {
      steps.push('same')
      x--
      y--
    }
    steps.push(down ? 'added' : 'removed')
    x = previousX
    y = previousY
  }
  while (x > 0 && y > 0) {
    steps.push('same')
    x--
    y--
  }
  return steps.reverse()
}

/** A kept run, or one change: `removed` items of `a` from `a` replaced by `added` items of `b` from `b`. */
export type DiffHunk =
  | { readonly kind: 'same'; readonly a: number; readonly b: number; readonly length: number }
  | {
      readonly kind: 'change'
      readonly a: number
      readonly removed: number
      readonly b: number
      readonly added: number
    }

/** Groups steps into hunks: runs of kept items, and the changes between them. */
const hunksOf = (steps: readonly Step[]): DiffHunk[] => {
  const hunks: DiffHunk[] = []
  let x = 0
  let y = 0
  let i = 0
  while (i < steps.length) {
    if (steps[i] === 'same') {
      const from = i
      while (steps[i] === 'same') i++
      hunks.push({ kind: 'same', a: x, b: y, length: i - from })
      x += i - from
      y += i - from
      continue
    }
    let removed = 0
    let added = 0
    while (i < steps.length && steps[i] !== 'same') {
      if (steps[i] === 'removed') removed++
      else added++
      i++
    }
    hunks.push({ kind: 'change', a: x, removed, b: y, added })
    x += removed
    y += added
  }
  return hunks
}

/** The shortest script turning `a` into `b` (items compared with ===), as kept runs and the changes between. */
export const diffHunks = (a: readonly string[], b: readonly string[]): DiffHunk[] => {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const middleA = a.slice(start, endA)
  const middleB = b.slice(start, endB)
  return hunksOf([
    ...Array<Step>(start).fill('same'),
    ...(myersSteps(middleA, middleB) ?? [
      ...Array<Step>(middleA.length).fill('removed'),
      ...Array<Step>(middleB.length).fill('added'),
    ]),
    ...Array<Step>(a.length - endA).fill('same'),
  ])
}

/** The same script as runs: each change as a removed run (if any) then an added run (if any). */
export const diffSequences = (a: readonly string[], b: readonly string[]): DiffRun[] =>
  diffHunks(a, b).flatMap((hunk): DiffRun[] =>
    hunk.kind === 'same'
      ? [hunk]
      : [
          ...(hunk.removed > 0 ? [{ kind: 'removed' as const, a: hunk.a, length: hunk.removed }] : []),
          ...(hunk.added > 0 ? [{ kind: 'added' as const, b: hunk.b, length: hunk.added }] : []),
        ],
  )
