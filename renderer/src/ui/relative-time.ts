const UNITS: readonly { readonly unit: Intl.RelativeTimeFormatUnit; readonly ms: number }[] = [
  { unit: 'year', ms: 365 * 24 * 60 * 60 * 1000 },
  { unit: 'month', ms: 30 * 24 * 60 * 60 * 1000 },
  { unit: 'week', ms: 7 * 24 * 60 * 60 * 1000 },
  { unit: 'day', ms: 24 * 60 * 60 * 1000 },
  { unit: 'hour', ms: 60 * 60 * 1000 },
  { unit: 'minute', ms: 60 * 1000 },
]

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". Times in the future (clock skew) read as "just now". */
export const formatRelativeTime = (then: number, now: number, locale?: string): string => {
  const elapsed = now - then
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const { unit, ms } of UNITS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit)
  }
  return 'just now'
}

/** The full date and time, for a title attribute beside a relative time. */
export const formatFullDate = (at: number, locale?: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(at)
