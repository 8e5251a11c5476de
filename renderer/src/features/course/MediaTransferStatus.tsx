import { useMemo, useSyncExternalStore } from 'react'
import type { Doc } from 'yjs'
import { mediaTransferFeed } from '../../sync/media-transfer-feed'
import { summarizeTransfers } from '../../sync/media-transfer-state'
import { mediaTransferText } from './media-transfer-text'

interface MediaTransferStatusProps {
  readonly doc: Doc
}

/**
 * Media still travelling to or from the relay, beside the connection state: a video still going up is one
 * co-authors will not get if the laptop closes now. The live region stays in the page while idle (empty and
 * visually hidden, so it takes no room) because screen readers announce changes to a region already there.
 */
export function MediaTransferStatus({ doc }: MediaTransferStatusProps) {
  const feed = mediaTransferFeed(doc)
  const state = useSyncExternalStore(feed.subscribe, feed.get)
  const summary = useMemo(() => summarizeTransfers(state), [state])
  const text = mediaTransferText(summary)
  return (
    <p
      role="status"
      aria-label="Media transfers"
      className={text ? 'media-transfer-status' : 'visually-hidden'}
      data-problem={summary.problem ? (summary.problem.retrying ? 'retrying' : 'refused') : undefined}
    >
      {text}
    </p>
  )
}
