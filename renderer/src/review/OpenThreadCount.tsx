import { openCommentsLabel } from './comment-labels'

/** A speech bubble, drawn: an emoji shows as an empty box where no emoji font is installed. */
function CommentBubbleIcon() {
  return (
    <svg className="open-thread-count-icon" viewBox="0 0 16 16" fill="currentColor">
      <path d="M2 2.5A1.5 1.5 0 0 1 3.5 1h9A1.5 1.5 0 0 1 14 2.5v7a1.5 1.5 0 0 1-1.5 1.5H7l-3.2 2.8a.5.5 0 0 1-.8-.4V11h0A1.5 1.5 0 0 1 1.5 9.5v-7z" />
    </svg>
  )
}

/** The number of open comment threads on a lesson (see useOpenThreadCounts), for its outline row; nothing at 0. */
export function OpenThreadCount({ count }: { readonly count: number }) {
  if (count === 0) return null
  const label = openCommentsLabel(count)
  return (
    <span className="open-thread-count" role="img" aria-label={label} title={label}>
      <span aria-hidden="true">
        <CommentBubbleIcon /> {count}
      </span>
    </span>
  )
}
