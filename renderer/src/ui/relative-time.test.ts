import { describe, expect, it } from 'vitest'
import { formatFullDate, formatRelativeTime } from './relative-time'

const minute = 60_000
const now = Date.UTC(2026, 10, 29, 12, 0)

describe('formatRelativeTime', () => {
  it('says "just now" under a minute and for times slightly in the future', () => {
    expect(formatRelativeTime(now - 59_000, now, 'en')).toBe('just now')
    expect(formatRelativeTime(now + 5 * minute, now, 'en')).toBe('just now')
  })

  it('picks the largest whole unit', () => {
    expect(formatRelativeTime(now - 5 * minute, now, 'en')).toBe('5 minutes ago')
    expect(formatRelativeTime(now - 61 * minute, now, 'en')).toBe('1 hour ago')
    expect(formatRelativeTime(now - 24 * 60 * minute, now, 'en')).toBe('yesterday')
    expect(formatRelativeTime(now - 15 * 24 * 60 * minute, now, 'en')).toBe('2 weeks ago')
    expect(formatRelativeTime(now - 400 * 24 * 60 * minute, now, 'en')).toBe('last year')
  })
})

describe('formatFullDate', () => {
  it('includes the year and the time', () => {
    const text = formatFullDate(now, 'en')
    expect(text).toContain('2026')
    expect(text).toMatch(/\d{1,2}:\d{2}/)
  })
})
