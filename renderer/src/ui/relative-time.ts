const UNITS: readonly { readonly unit: Intl.RelativeTimeFormatUnit; readonly ms: number }[] = [
  { unit: 'year', ms: 365 * 24 * 60 * 60 * 1000 },
  { unit: 'month', ms: 30 * 24 * 60 * 60 * 1000 },
  { unit: 'week', ms: 7 * 24 * 60 * 60 * 1000 },
  { unit: 'day', ms: 24 * 60 * 60 * 1000 },
  { unit: 'hour', ms: 60 * 60 * 1000 },
  { unit: 'minute', ms: 60 * 1000 },
]

// Building an Intl formatter costs milliseconds (the save indicator formats on every render of the course header,
// which includes every lesson switch); one per locale is kept instead.
const cached = <F>(create: (locale: string | undefined) => F): ((locale: string | undefined) => F) => {
  const formats = new Map<string | undefined, F>()
  return (locale) => {
    const known = formats.get(locale)
    if (known !== undefined) return known
    const format = create(locale)
    formats.set(locale, format)
    return format
  }
}
const relativeFormat = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))
const fullDateFormat = cached(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }),
)

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". Times in the future (clock skew) read as "just now". */
export const formatRelativeTime = (then: number, now: number, locale?: string): string => {
  const elapsed = now - then
  const format = relativeFormat(locale)
  for (const { unit, ms } of UNITS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit)
  }
  return 'just now'
}

/** The full date and time, for a title attribute beside a relative time. */
export const formatFullDate = (at: number, locale?: string): string => fullDateFormat(locale).format(at)
