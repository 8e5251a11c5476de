/**
 * Edits to a sequence (a text's characters, a block's children) in which a restore must leave some entries alone
 * (protected-items.ts): they are planned on the other entries, at indices in the whole sequence, so the protected
 * ones between them stay where they are.
 */

/** The entries a restore may edit (those not protected), by their index in the whole sequence. */
export interface Editable {
  /** Index in the whole sequence of the i-th editable entry. */
  readonly at: readonly number[]
}

/** Where something inserted before editable entry `i` goes: right after the editable entry before it. */
export const insertionPoint = (view: Editable, i: number): number =>
  i === 0 ? 0 : (view.at[i - 1] ?? -1) + 1

/** Ascending indices as runs of adjacent ones, as [index, length] pairs. */
export const adjacentRuns = (indices: readonly number[]): Array<[number, number]> => {
  const runs: Array<[number, number]> = []
  for (const index of indices) {
    const last = runs[runs.length - 1]
    if (last !== undefined && last[0] + last[1] === index) last[1]++
    else runs.push([index, 1])
  }
  return runs
}

/**
 * Edits planned left to right at indices of the sequence as it is, written right to left so that each one's
 * index is still right when it is written. A hunk plans its inserts before its deletes: written backwards, the
 * deletes go first and the inserts land where the deleted entries were.
 */
export const writeBackwards = <T>(target: T, edits: ReadonlyArray<(target: T) => void>): void => {
  for (let i = edits.length - 1; i >= 0; i--) edits[i]?.(target)
}
