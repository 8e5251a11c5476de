import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import { isPermanentClose } from '../../../shared/protocol/close-codes'
import { roomName } from '../../../shared/protocol/rooms'

/** What the header shows about the relay. The local copy works the same in every state. */
export type ConnectionStatus =
  { readonly kind: 'offline' } | { readonly kind: 'connecting' } | { readonly kind: 'synced' }

export interface SyncUser {
  readonly name: string
  /** CSS hex colour for carets and presence. */
  readonly colour: string
}

export interface CourseSyncOptions {
  /** The course's document, already loaded from local storage: the relay only adds to it. */
  readonly doc: Y.Doc
  readonly relayUrl: string
  readonly courseId: CourseId
  readonly token: string
  readonly user: SyncUser
}

export interface CourseSync {
  readonly provider: WebsocketProvider
  getStatus(): ConnectionStatus
  /** Calls the listener on every status change; returns unsubscribe. */
  subscribe(listener: (status: ConnectionStatus) => void): () => void
  /** Stops syncing; the document stays open and keeps saving locally. */
  destroy(): void
}

// The provider doubles its wait between tries up to this; a minute keeps an offline laptop quiet.
const MAX_BACKOFF_MS = 60_000

/** Starts syncing an open course with its relay room; reconnects with back-off until the relay refuses for good. */
export function connectCourse({ doc, relayUrl, courseId, token, user }: CourseSyncOptions): CourseSync {
  const provider = new WebsocketProvider(relayUrl, roomName({ courseId, kind: 'content' }), doc, {
    params: { token },
    maxBackoffTime: MAX_BACKOFF_MS,
    // A refused token or an oversized update will be refused again: stop instead of hammering the relay.
    shouldReconnect: (event) => !isPermanentClose(event.code),
  })
  provider.awareness.setLocalStateField('user', { name: user.name, colour: user.colour })

  const listeners = new Set<(status: ConnectionStatus) => void>()
  let status = statusOf(provider)
  const update = (): void => {
    const next = statusOf(provider)
    if (next.kind === status.kind) return
    status = next
    listeners.forEach((listener) => listener(status))
  }
  provider.on('status', update)
  provider.on('sync', update)
  provider.on('connection-close', update)

  return {
    provider,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      listeners.clear()
      provider.off('status', update)
      provider.off('sync', update)
      provider.off('connection-close', update)
      provider.destroy()
    },
  }
}

const statusOf = (provider: WebsocketProvider): ConnectionStatus => {
  if (provider.wsconnected) return provider.synced ? { kind: 'synced' } : { kind: 'connecting' }
  // Between retries the relay is unreachable: that is offline, even though a retry is scheduled.
  return provider.wsconnecting ? { kind: 'connecting' } : { kind: 'offline' }
}
