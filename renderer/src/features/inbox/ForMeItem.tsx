import type { InboxItemKind } from '../../../../shared/team/types'
import { formatFullDate, formatRelativeTime } from '../../ui/relative-time'
import type { ForMeEntry } from './for-me-entries'

interface ForMeItemProps {
  readonly entry: ForMeEntry
  readonly now: number
  readonly onOpen: () => void
}

/** What kind of thing happened, said in words beside the item's own one-line summary. */
export const kindLabel = (kind: InboxItemKind): string => {
  switch (kind) {
    case 'need-claimed':
      return 'Need claimed'
    case 'need-published':
      return 'Need published'
    case 'need-mention':
      return 'Mentioned in a need'
    case 'comment-mention':
      return 'Mentioned in a comment'
    case 'thread-on-my-course':
      return 'Comment on your course'
  }
}

/** One For me item: what happened, who did it, when, and whether I have opened it (said in text, not only bold). */
export function ForMeItem({ entry, now, onOpen }: ForMeItemProps) {
  const { item, unread } = entry
  return (
    <li className={unread ? 'for-me-item for-me-unread' : 'for-me-item'}>
      <p className="for-me-kind">
        {kindLabel(item.kind)}
        {unread && <span className="for-me-new"> · Unread</span>}
      </p>
      <button type="button" className="for-me-open" onClick={onOpen}>
        {item.summary}
      </button>
      <p className="for-me-meta">
        {item.from.name} ·{' '}
        <time dateTime={new Date(item.at).toISOString()} title={formatFullDate(item.at)}>
          {formatRelativeTime(item.at, now)}
        </time>
      </p>
    </li>
  )
}
