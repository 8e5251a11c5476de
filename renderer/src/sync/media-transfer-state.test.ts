import { describe, expect, it } from 'vitest'
import {
  askFailed,
  expectTransfers,
  failed,
  finished,
  idleTransfers,
  progressed,
  summarizeTransfers,
} from './media-transfer-state'

const unreachable = { reason: 'the relay cannot be reached', retrying: true }
const tooLarge = { reason: 'it is larger than the relay accepts', retrying: false }

describe('media transfer state', () => {
  it('is idle with nothing to move', () => {
    expect(summarizeTransfers(idleTransfers)).toEqual({
      up: { files: 0, bytes: 0, moved: 0 },
      down: { files: 0, bytes: 0, moved: 0 },
      problem: null,
    })
  })

  it('counts blobs waiting in each direction, with their bytes once every size is known', () => {
    let state = expectTransfers(idleTransfers, 'up', ['a', 'b'])
    state = expectTransfers(state, 'down', ['c'])
    expect(summarizeTransfers(state).up).toEqual({ files: 2, bytes: null, moved: 0 })
    state = progressed(state, 'up', 'a', 0, 30_000_000)
    expect(summarizeTransfers(state).up.bytes).toBeNull()
    state = progressed(state, 'up', 'b', 0, 8_000_000)
    expect(summarizeTransfers(state).up).toEqual({ files: 2, bytes: 38_000_000, moved: 0 })

    state = progressed(state, 'down', 'c', 2_000_000, 150_000_000)
    expect(summarizeTransfers(state).down).toEqual({ files: 1, bytes: 150_000_000, moved: 2_000_000 })
    // A later report without a size keeps the one known.
    state = progressed(state, 'down', 'c', 3_000_000, null)
    expect(summarizeTransfers(state).down).toEqual({ files: 1, bytes: 150_000_000, moved: 3_000_000 })

    state = finished(finished(state, 'up', 'a'), 'down', 'c')
    expect(summarizeTransfers(state).up).toEqual({ files: 1, bytes: 8_000_000, moved: 0 })
    expect(summarizeTransfers(state).down.files).toBe(0)
  })

  it('keeps what a new round still lists and forgets what it no longer does', () => {
    let state = progressed(expectTransfers(idleTransfers, 'down', ['a', 'b']), 'down', 'a', 5, 10)
    state = expectTransfers(state, 'down', ['a', 'c'])
    expect([...state.down.keys()]).toEqual(['a', 'c'])
    expect(state.down.get('a')).toEqual({ size: 10, moved: 5, problem: null })
  })

  it('reports a failure with its reason, keeping a retried blob counted until it moves', () => {
    let state = expectTransfers(idleTransfers, 'up', ['a'])
    state = failed(progressed(state, 'up', 'a', 0, 1_000), 'up', 'a', unreachable)
    expect(summarizeTransfers(state)).toMatchObject({
      up: { files: 1, bytes: 1_000 },
      problem: { direction: 'up', files: 1, ...unreachable },
    })
    state = finished(state, 'up', 'a')
    expect(summarizeTransfers(state).problem).toBeNull()
  })

  it('keeps a blob refused for good out of the count but tells of it, also after later rounds', () => {
    let state = expectTransfers(idleTransfers, 'up', ['big', 'small'])
    state = failed(state, 'up', 'big', tooLarge)
    state = expectTransfers(state, 'up', ['small'])
    expect(summarizeTransfers(state)).toMatchObject({
      up: { files: 1 },
      problem: { direction: 'up', files: 1, ...tooLarge },
    })
  })

  it('shows a refusal for good before a retried failure, and uploads before downloads', () => {
    let state = expectTransfers(expectTransfers(idleTransfers, 'up', ['a']), 'down', ['b', 'c'])
    state = failed(state, 'down', 'b', unreachable)
    state = failed(state, 'down', 'c', unreachable)
    expect(summarizeTransfers(state).problem).toMatchObject({ direction: 'down', files: 2, retrying: true })
    state = failed(state, 'up', 'a', unreachable)
    expect(summarizeTransfers(state).problem).toMatchObject({ direction: 'up', files: 1 })
    state = failed(state, 'down', 'b', tooLarge)
    expect(summarizeTransfers(state).problem).toMatchObject({ direction: 'down', files: 1, retrying: false })
  })

  it('tells when the relay could not be asked which blobs it lacks, until it answers', () => {
    const state = askFailed(idleTransfers, unreachable)
    expect(summarizeTransfers(state).problem).toEqual({ direction: 'up', files: 0, ...unreachable })
    expect(summarizeTransfers(askFailed(state, null)).problem).toBeNull()
  })

  it('returns the same state for changes to blobs it does not track', () => {
    expect(finished(idleTransfers, 'up', 'x')).toBe(idleTransfers)
    expect(progressed(idleTransfers, 'down', 'x', 1, 2)).toBe(idleTransfers)
    expect(failed(idleTransfers, 'down', 'x', unreachable)).toBe(idleTransfers)
  })
})
