import { describe, expect, it } from 'vitest'
import { diffHunks, diffSequences, wordTokens } from './sequence-diff'

/** Builds `b` back from `a` and the runs: proves the runs cover both sequences in order. */
const apply = (
  a: readonly string[],
  b: readonly string[],
  runs: ReturnType<typeof diffSequences>,
): string[] =>
  runs.flatMap((run) =>
    run.kind === 'same'
      ? a.slice(run.a, run.a + run.length)
      : run.kind === 'added'
        ? b.slice(run.b, run.b + run.length)
        : [],
  )

/** The length of the longest common subsequence, by dynamic programming: what the shortest script must keep. */
const lcsLength = (a: readonly string[], b: readonly string[]): number => {
  const row = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    let diagonal = 0
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0)
      diagonal = above
    }
  }
  return row[b.length] ?? 0
}

/** A small deterministic generator, so a failure can be replayed from its seed. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}

describe('diffSequences', () => {
  it('keeps the longest common subsequence and rebuilds the newer sequence (300 random pairs)', () => {
    const next = random(7)
    for (let round = 0; round < 300; round++) {
      const word = () => 'abcde'[Math.floor(next() * 5)] ?? 'a'
      const a = Array.from({ length: Math.floor(next() * 30) }, word)
      const b = Array.from({ length: Math.floor(next() * 30) }, word)
      const runs = diffSequences(a, b)
      expect(apply(a, b, runs)).toEqual(b)
      const kept = runs.reduce((sum, run) => sum + (run.kind === 'same' ? run.length : 0), 0)
      expect(kept).toBe(lcsLength(a, b))
      const removed = runs.flatMap((run) =>
        run.kind === 'removed' ? a.slice(run.a, run.a + run.length) : [],
      )
      expect(removed.length).toBe(a.length - kept)
    }
  })

  it('reports one change per gap, removed before added', () => {
    expect(diffSequences(['a', 'b', 'c'], ['a', 'x', 'y', 'c'])).toEqual([
      { kind: 'same', a: 0, b: 0, length: 1 },
      { kind: 'removed', a: 1, length: 1 },
      { kind: 'added', b: 1, length: 2 },
      { kind: 'same', a: 2, b: 3, length: 1 },
    ])
    expect(diffHunks([], ['x'])).toEqual([{ kind: 'change', a: 0, removed: 0, b: 0, added: 1 }])
    expect(diffHunks(['x'], ['x'])).toEqual([{ kind: 'same', a: 0, b: 0, length: 1 }])
  })

  it('gives up searching past its edit budget and still covers both sequences', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`)
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`)
    const runs = diffSequences(['same', ...a, 'end'], ['same', ...b, 'end'])
    expect(runs.map((run) => run.kind)).toEqual(['same', 'removed', 'added', 'same'])
  })
})

describe('wordTokens', () => {
  it('splits words, spaces and punctuation, losing nothing', () => {
    const text = 'Drafts — ça va? Issued ones cannot,  really: 42_x!'
    expect(wordTokens(text).join('')).toBe(text)
    expect(wordTokens('ça va?')).toEqual(['ça', ' ', 'va', '?'])
  })
})
