import type { Resolution } from '../../../../shared/review/types'

const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()

/** "10:42" today, "12 Nov, 10:42" on another day: short enough for a comment's byline. */
export const formatWhen = (at: number, now: number, locale?: string): string => {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at)
  if (sameDay(new Date(at), new Date(now))) return time
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(at)
  return `${day}, ${time}`
}

/** "Resolved by Ada · 10:42" or "Reopened by Ben · 10:50". */
export const resolutionLabel = (resolution: Resolution, now: number, locale?: string): string =>
  `${resolution.resolved ? 'Resolved' : 'Reopened'} by ${resolution.by.name || 'someone'} · ${formatWhen(
    resolution.at,
    now,
    locale,
  )}`

const QUOTE_LENGTH = 60

/** A quote short enough for an accessible name. */
export const shortQuote = (quote: string): string => {
  const flat = quote.replace(/\s+/g, ' ').trim()
  return flat.length <= QUOTE_LENGTH ? flat : `${flat.slice(0, QUOTE_LENGTH - 1)}…`
}
