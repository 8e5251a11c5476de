import { describe, expect, it } from 'vitest'
import { formatWhen, resolutionLabel, shortQuote } from './thread-labels'

const ada = { id: 'ada', name: 'Ada' }

describe('thread labels', () => {
  const at = new Date(2026, 10, 29, 10, 42).getTime()

  it('says who resolved or reopened a thread and when', () => {
    expect(resolutionLabel({ resolved: true, by: ada, at }, at + 60_000, 'en-GB')).toBe(
      'Resolved by Ada · 10:42',
    )
    expect(resolutionLabel({ resolved: false, by: { id: 'x', name: '' }, at }, at, 'en-GB')).toBe(
      'Reopened by someone · 10:42',
    )
  })

  it('adds the day for another day', () => {
    expect(formatWhen(at, new Date(2026, 10, 30, 9).getTime(), 'en-GB')).toBe('29 Nov, 10:42')
  })

  it('shortens long quotes for accessible names', () => {
    expect(shortQuote('  two\nlines ')).toBe('two lines')
    expect(shortQuote('x'.repeat(80))).toHaveLength(60)
  })
})
