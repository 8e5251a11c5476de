import { describe, expect, it } from 'vitest'
import type { SaveStatus } from '../../storage/course-store'
import { shownSaveStatus } from './shown-save-status'

const saved: SaveStatus = { kind: 'saved', at: 1_000 }
const saving: SaveStatus = { kind: 'saving' }

describe('the save status shown', () => {
  it('keeps showing the last save while a quick one runs', () => {
    expect(shownSaveStatus(saving, saved, false)).toBe(saved)
  })

  it('says "Saving…" once a save takes longer than a moment', () => {
    expect(shownSaveStatus(saving, saved, true)).toBe(saving)
  })

  it('shows a save at once after an error, and before anything was saved', () => {
    const error: SaveStatus = {
      kind: 'error',
      error: { code: 'storage-quota-exceeded', message: 'The disk is full.' },
    }
    expect(shownSaveStatus(saving, error, false)).toBe(saving)
    expect(shownSaveStatus(saving, null, false)).toBe(saving)
  })

  it('shows every settled status as it is', () => {
    const later: SaveStatus = { kind: 'saved', at: 2_000 }
    expect(shownSaveStatus(later, saved, false)).toBe(later)
  })
})
