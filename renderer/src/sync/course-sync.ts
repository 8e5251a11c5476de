import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import { isPermanentClose } from '../../../shared/protocol/close-codes'
import { USER_FIELD, type PresenceUser } from '../../../shared/protocol/presence'
import { roomName, type RoomKind } from '../../../shared/protocol/rooms'
import { createAccessProbe } from './access-probe'
import { keepPresenceLive } from './presence-liveness'
import { trackUnacknowledged } from './unacked-tracker'

/**
 * What the header shows about the relay. The local copy works the same in every state. `refused`: the relay ended
 * the connection for good (a permanent close code, e.g. a revoked invite) or refused it at the upgrade for good (the
 * HTTP status, e.g. 401 for an invite it does not accept); the app does not retry and says why.
 */
export type ConnectionStatus =
  | {
      readonly kind: 'offline' | 'connecting' | 'synced'
      /** Local changes the relay is not known to hold yet (see unacked-changes.ts). */
      readonly unacknowledged: number
    }
  | { readonly kind: 'refused'; readonly unacknowledged: number; readonly code: number }

const sameStatus = (a: ConnectionStatus, b: ConnectionStatus): boolean =>
  a.kind === b.kind &&
  a.unacknowledged === b.unacknowledged &&
  (a.kind !== 'refused' || (b.kind === 'refused' && a.code === b.code))

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
  /** Which of the course's rooms: its content (the default) or its review comments. */
  readonly kind?: RoomKind
  readonly token: string
  /**
   * Shown to others through this connection's awareness, with the user id the relay will set from the token (so
   * this device works out everyone's colours as the others do); presence uses the content room's only.
   */
  readonly user?: PresenceUser
}

/**
 * The connection state as a store: its count changes with nearly every keystroke, so only what shows it
 * subscribes, not the whole course view. `getStatus` returns the same object until something changes.
 */
export interface ConnectionSource {
  getStatus(): ConnectionStatus
  /** Calls the listener on every status change; returns unsubscribe. */
  subscribe(listener: (status: ConnectionStatus) => void): () => void
}

/** A connection state that never changes, e.g. offline because the relay link could not be read. */
export const fixedConnection = (status: ConnectionStatus): ConnectionSource => ({
  getStatus: () => status,
  subscribe: () => () => {},
})

export interface CourseSync extends ConnectionSource {
  readonly provider: WebsocketProvider
  /** Shows a new name or colour to co-authors at once. */
  setUser(user: PresenceUser): void
  /** Stops syncing; the document stays open and keeps saving locally. */
  destroy(): void
}

// The provider doubles its wait between tries up to this; a minute keeps an offline laptop quiet.
const MAX_BACKOFF_MS = 60_000

/** Starts syncing an open course with its relay room; reconnects with back-off until the relay refuses for good. */
export const connectCourse = ({ courseId, kind = 'content', ...rest }: CourseSyncOptions): CourseSync =>
  connectRoom({ ...rest, room: roomName({ courseId, kind }) })

export interface RoomSyncOptions extends Omit<CourseSyncOptions, 'courseId' | 'kind'> {
  /** The relay room's name (shared/protocol/rooms.ts): a course's room, or a team's space `team:<teamId>`. */
  readonly room: string
}

/** Starts syncing an open document with any relay room, as `connectCourse` does for a course's. */
export function connectRoom({ doc, relayUrl, room, token, user }: RoomSyncOptions): CourseSync {
  const provider = new WebsocketProvider(relayUrl, room, doc, {
    params: { token },
    maxBackoffTime: MAX_BACKOFF_MS,
    // A refused token or an oversized update will be refused again: stop instead of hammering the relay.
    shouldReconnect: (event) => !isPermanentClose(event.code),
  })
  const setUser = ({ id, name, colour }: PresenceUser): void =>
    provider.awareness.setLocalStateField(USER_FIELD, { ...(id === undefined ? {} : { id }), name, colour })
  if (user) setUser(user)
  // Only the room that shows presence renews it: a co-author whose network died leaves within seconds.
  const stopLiveness = user ? keepPresenceLive(provider.awareness) : () => {}
  const unacked = trackUnacknowledged(provider, doc)

  const listeners = new Set<(status: ConnectionStatus) => void>()
  // Once a connection was lost, retries count as offline: Chromium holds a retry "connecting" for many seconds
  // after failures, and until one gets through co-authors see nothing of this device's changes.
  let lost = false
  let refusedWith: number | null = null
  const current = (): ConnectionStatus =>
    refusedWith !== null
      ? { kind: 'refused', code: refusedWith, unacknowledged: unacked.count() }
      : { kind: kindOf(provider, lost), unacknowledged: unacked.count() }
  let status = current()
  const update = (): void => {
    const next = current()
    if (sameStatus(next, status)) return
    status = next
    listeners.forEach((listener) => listener(status))
  }
  const onStatus = (event: { status: string }): void => {
    if (event.status === 'connected') {
      lost = false
      refusedWith = null
    }
    update()
  }
  const refuse = (code: number): void => {
    refusedWith = code
    provider.disconnect()
    update()
  }
  const probe = createAccessProbe(relayUrl, room, token, (status) => {
    if (!provider.wsconnected) refuse(status)
  })
  const onClose = (event: CloseEvent | null): void => {
    lost = true
    if (event !== null && isPermanentClose(event.code)) refusedWith = event.code
    else probe.afterFailedConnection()
    update()
  }
  provider.on('status', onStatus)
  provider.on('sync', update)
  provider.on('connection-close', onClose)
  const stopCounting = unacked.subscribe(update)
  const stopFollowingNetwork = followNetwork(provider)

  return {
    provider,
    getStatus: () => status,
    setUser,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      probe.stop()
      listeners.clear()
      stopCounting()
      stopFollowingNetwork()
      stopLiveness()
      unacked.destroy()
      provider.off('status', onStatus)
      provider.off('sync', update)
      provider.off('connection-close', onClose)
      provider.destroy()
    },
  }
}

const kindOf = (provider: WebsocketProvider, lost: boolean): 'offline' | 'connecting' | 'synced' => {
  if (provider.wsconnected) return provider.synced ? 'synced' : 'connecting'
  // Between retries the relay is unreachable: that is offline, even though a retry is scheduled.
  return provider.wsconnecting && !lost ? 'connecting' : 'offline'
}

/**
 * Follows what the system says about the network: offline closes the socket at once (some browsers keep a dead one
 * open and silent), back online reconnects at once instead of after a back-off that grew while offline.
 * A relay that refused for good (`shouldConnect` cleared) stays disconnected.
 */
const followNetwork = (provider: WebsocketProvider): (() => void) => {
  let paused = false
  const offline = (): void => {
    if (!provider.shouldConnect) return
    paused = true
    provider.disconnect()
  }
  const online = (): void => {
    if (!paused && !(provider.shouldConnect && !provider.wsconnected)) return
    paused = false
    provider.connect()
  }
  globalThis.addEventListener('offline', offline)
  globalThis.addEventListener('online', online)
  return () => {
    globalThis.removeEventListener('offline', offline)
    globalThis.removeEventListener('online', online)
  }
}
