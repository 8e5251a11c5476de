import { describe, expect, it } from 'vitest'
import { progressPercent } from './export-progress'

describe('progressPercent', () => {
  it('runs from 0 to 100 across the phases, never backwards', () => {
    const steps = [
      progressPercent({ phase: 'lessons', done: 0, total: 4 }),
      progressPercent({ phase: 'lessons', done: 2, total: 4 }),
      progressPercent({ phase: 'lessons', done: 4, total: 4 }),
      progressPercent({ phase: 'media', done: 1, total: 2 }),
      progressPercent({ phase: 'zip', done: 0, total: 1 }),
      progressPercent({ phase: 'zip', done: 1, total: 1 }),
    ]
    expect(steps).toEqual([0, 25, 50, 70, 90, 100])
  })

  it('counts a phase with nothing to do as finished', () => {
    expect(progressPercent({ phase: 'media', done: 0, total: 0 })).toBe(90)
  })
})
