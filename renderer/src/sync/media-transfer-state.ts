/**
 * What media sync still has to move, as plain data the header shows: the blobs waiting to go up to the relay
 * (so co-authors can get them) and to come down from it (so the lessons can show them), their sizes once known,
 * and what failed and why. Every change returns a new state; media-sync.ts feeds it, nothing here does I/O.
 */

/** Up: this device holds the blob and the relay lacks it. Down: a lesson uses it and this device lacks it. */
export type TransferDirection = 'up' | 'down'

export interface TransferProblem {
  /** Why, in words for the user, e.g. "the relay cannot be reached". */
  readonly reason: string
  /** False when waiting cannot help (the relay refused the file for what it is): it is not tried again. */
  readonly retrying: boolean
}

export interface PendingTransfer {
  /** Bytes in all; null until known (an upload's once its blob is read, a download's once the relay answers). */
  readonly size: number | null
  /** Bytes moved so far. Downloads only: fetch cannot tell how much of an upload has gone. */
  readonly moved: number
  readonly problem: TransferProblem | null
}

export interface MediaTransferState {
  readonly up: ReadonlyMap<string, PendingTransfer>
  readonly down: ReadonlyMap<string, PendingTransfer>
  /** Asking the relay which blobs it lacks failed: no upload can be planned until it answers. */
  readonly asking: TransferProblem | null
}

export const idleTransfers: MediaTransferState = { up: new Map(), down: new Map(), asking: null }

const waiting: PendingTransfer = { size: null, moved: 0, problem: null }

const given = (problem: TransferProblem | null): boolean => problem !== null && !problem.retrying

const withDirection = (
  state: MediaTransferState,
  direction: TransferDirection,
  pending: ReadonlyMap<string, PendingTransfer>,
): MediaTransferState => ({ ...state, [direction]: pending })

const change = (
  state: MediaTransferState,
  direction: TransferDirection,
  hash: string,
  next: (entry: PendingTransfer) => PendingTransfer,
): MediaTransferState => {
  const entry = state[direction].get(hash)
  if (entry === undefined) return state
  return withDirection(state, direction, new Map(state[direction]).set(hash, next(entry)))
}

/**
 * The blobs a round found still to move in one direction. Those already known keep their progress and problem;
 * those no longer listed are done with, except ones refused for good, which stay to tell the user.
 */
export const expectTransfers = (
  state: MediaTransferState,
  direction: TransferDirection,
  hashes: Iterable<string>,
): MediaTransferState => {
  const before = state[direction]
  const next = new Map([...before].filter(([, entry]) => given(entry.problem)))
  for (const hash of hashes) next.set(hash, before.get(hash) ?? waiting)
  return withDirection(state, direction, next)
}

export const progressed = (
  state: MediaTransferState,
  direction: TransferDirection,
  hash: string,
  moved: number,
  size: number | null,
): MediaTransferState =>
  change(state, direction, hash, (entry) => ({ ...entry, moved, size: size ?? entry.size }))

/** Moved, or no longer needed: either way nothing is waiting for it any more. */
export const finished = (
  state: MediaTransferState,
  direction: TransferDirection,
  hash: string,
): MediaTransferState => {
  if (!state[direction].has(hash)) return state
  const next = new Map(state[direction])
  next.delete(hash)
  return withDirection(state, direction, next)
}

export const failed = (
  state: MediaTransferState,
  direction: TransferDirection,
  hash: string,
  problem: TransferProblem,
): MediaTransferState => change(state, direction, hash, (entry) => ({ ...entry, moved: 0, problem }))

export const askFailed = (state: MediaTransferState, problem: TransferProblem | null): MediaTransferState =>
  state.asking === problem ? state : { ...state, asking: problem }

export interface DirectionSummary {
  /** Blobs still to move that will be tried (again). */
  readonly files: number
  /** Their bytes in all; null while any of their sizes is unknown. */
  readonly bytes: number | null
  readonly moved: number
}

export interface ProblemSummary extends TransferProblem {
  readonly direction: TransferDirection
  /** How many blobs in that direction it concerns; 0 when no single blob failed (asking the relay did). */
  readonly files: number
}

export interface TransferSummary {
  readonly up: DirectionSummary
  readonly down: DirectionSummary
  /** The one problem to show: a refusal for good before one that is retried, uploads before downloads. */
  readonly problem: ProblemSummary | null
}

const summarizeDirection = (pending: ReadonlyMap<string, PendingTransfer>): DirectionSummary => {
  const live = [...pending.values()].filter((entry) => !given(entry.problem))
  const sizes = live.map((entry) => entry.size)
  return {
    files: live.length,
    bytes: sizes.every((size) => size !== null) ? sizes.reduce((sum, size) => sum + size, 0) : null,
    moved: live.reduce((sum, entry) => sum + entry.moved, 0),
  }
}

const problemsOf = (state: MediaTransferState): ProblemSummary[] => {
  const found: ProblemSummary[] = state.asking ? [{ ...state.asking, direction: 'up', files: 0 }] : []
  for (const direction of ['up', 'down'] as const) {
    const problems = [...state[direction].values()].flatMap((entry) => (entry.problem ? [entry.problem] : []))
    for (const retrying of [false, true]) {
      const alike = problems.filter((problem) => problem.retrying === retrying)
      const first = alike[0]
      if (first) found.push({ ...first, direction, files: alike.length })
    }
  }
  return found
}

export const summarizeTransfers = (state: MediaTransferState): TransferSummary => ({
  up: summarizeDirection(state.up),
  down: summarizeDirection(state.down),
  problem: problemsOf(state).sort((a, b) => Number(a.retrying) - Number(b.retrying))[0] ?? null,
})
