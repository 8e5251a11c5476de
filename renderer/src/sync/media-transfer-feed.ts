import type * as Y from 'yjs'
import { idleTransfers, type MediaTransferState } from './media-transfer-state'

/** The latest media transfer state of one open course, for whoever shows it. */
export interface MediaTransferFeed {
  readonly get: () => MediaTransferState
  readonly set: (state: MediaTransferState) => void
  readonly subscribe: (listener: () => void) => () => void
}

// By document, so the course header can show the transfers of the course it heads without the workspace
// threading them through: media sync starts late (after the relay link is read) and restarts when it changes.
const feeds = new WeakMap<Y.Doc, MediaTransferFeed>()

const createFeed = (): MediaTransferFeed => {
  let state = idleTransfers
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set: (next) => {
      if (next === state) return
      state = next
      for (const listener of listeners) listener()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The feed of the course whose document this is; media sync writes it, the header reads it. */
export const mediaTransferFeed = (doc: Y.Doc): MediaTransferFeed => {
  const known = feeds.get(doc)
  if (known) return known
  const feed = createFeed()
  feeds.set(doc, feed)
  return feed
}
