import { formatFullDate, formatRelativeTime } from '../../ui/relative-time'

/** A moment as "5 minutes ago", with the full date on hover and in the markup. */
export function When({ at, now }: { readonly at: number; readonly now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatFullDate(at)}>
      {formatRelativeTime(at, now)}
    </time>
  )
}
