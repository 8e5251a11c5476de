import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSaveStatus, type SaveStatus } from '../../storage/save-status'
import { SAVING_SHOWN_AFTER_MS, showSaveStatus } from './shown-save-status'

const MINUTE_MS = 60_000
const at = (minute: number, second = 0): SaveStatus => ({
  kind: 'saved',
  at: minute * MINUTE_MS + second * 1_000,
})
const saving: SaveStatus = { kind: 'saving' }
const diskFull: SaveStatus = {
  kind: 'error',
  error: { code: 'storage-quota-exceeded', message: 'The disk is full.' },
}

/** The course's save status, what the indicator shows of it, and how often the indicator was told to change. */
function watch(initial: SaveStatus) {
  const status = createSaveStatus(initial)
  const shown = showSaveStatus(status)
  const changes = { count: 0 }
  const stop = shown.subscribe(() => changes.count++)
  return { status, shown, changes, stop }
}

describe('the save status shown', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps showing the last save, unchanged, while quick saves come and go within its minute', () => {
    const { status, shown, changes } = watch(at(5))
    const before = shown.get()
    for (let second = 1; second < 40; second++) {
      status.set(saving)
      status.set(at(5, second))
    }
    expect(changes.count).toBe(0)
    expect(shown.get()).toBe(before)
    expect(shown.get()).toEqual({ kind: 'saved', minute: 5 * MINUTE_MS })
  })

  it('shows a save in a later minute, for the tooltip that says when', () => {
    const { status, shown, changes } = watch(at(5))
    status.set(saving)
    status.set(at(6, 2))
    expect(changes.count).toBe(1)
    expect(shown.get()).toEqual({ kind: 'saved', minute: 6 * MINUTE_MS })
  })

  it('says "Saving…" once a save takes longer than a moment, and "Saved" when it ends', () => {
    const { status, shown, changes } = watch(at(5))
    status.set(saving)
    vi.advanceTimersByTime(SAVING_SHOWN_AFTER_MS - 1)
    expect(shown.get().kind).toBe('saved')
    vi.advanceTimersByTime(1)
    expect(shown.get().kind).toBe('saving')
    status.set(at(5, 30))
    expect(shown.get().kind).toBe('saved')
    expect(changes.count).toBe(2)
  })

  it('does not say "Saving…" for a quick save that a slow one follows less than a moment later', () => {
    const { status, shown } = watch(at(5))
    status.set(saving)
    vi.advanceTimersByTime(SAVING_SHOWN_AFTER_MS / 2)
    status.set(at(5, 1))
    status.set(saving)
    vi.advanceTimersByTime(SAVING_SHOWN_AFTER_MS / 2)
    expect(shown.get().kind).toBe('saved')
    vi.advanceTimersByTime(SAVING_SHOWN_AFTER_MS / 2)
    expect(shown.get().kind).toBe('saving')
  })

  it('shows an error at once, and a save after it at once, so the error never gives way to an earlier "Saved"', () => {
    const { status, shown } = watch(at(5))
    status.set(diskFull)
    expect(shown.get()).toEqual(diskFull)
    status.set(saving)
    expect(shown.get().kind).toBe('saving')
  })

  it('shows a save at once before anything was saved', () => {
    const { shown } = watch(saving)
    expect(shown.get().kind).toBe('saving')
  })

  it('follows changes made before anyone watched, and stops its timer when nobody watches any more', () => {
    const status = createSaveStatus(at(5))
    const shown = showSaveStatus(status)
    status.set(diskFull)
    const stop = shown.subscribe(() => undefined)
    expect(shown.get()).toEqual(diskFull)
    status.set(at(6))
    status.set(saving)
    stop()
    expect(vi.getTimerCount()).toBe(0)
  })
})
