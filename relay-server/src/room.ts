import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import type { RoomStore } from './store/store'
import { binaryFrame } from './ws-frame'

/** The part of a WebSocket a room uses; `ws`'s WebSocket is one. */
export interface PeerSocket {
  readonly readyState: number
  close(code: number, reason: string): void
}

/** The TCP stream under a peer's WebSocket; the relay writes whole frames to it (see ws-frame.ts). */
export interface PeerWire {
  write(frame: Uint8Array): unknown
}

/** A connection as its room sees it. Plain data, so thousands of them cost no closures. */
export interface Peer {
  readonly id: number
  readonly socket: PeerSocket
  readonly wire: PeerWire
}

const OPEN = 1

/**
 * Writes an already framed message. Safe beside `ws`'s own writes (pings, close frames): every write is a
 * whole frame, made synchronously, and with compression off `ws` never holds frames back to write later.
 * Once `ws` has begun closing (no longer OPEN) nothing more is written, so nothing follows its close frame.
 */
export const sendFramed = (peer: Peer, wire: Uint8Array): void => {
  if (peer.socket.readyState === OPEN) peer.wire.write(wire)
}

export const sendTo = (peer: Peer, message: Uint8Array): void => sendFramed(peer, binaryFrame(message))

export interface Room {
  readonly name: string
  readonly doc: Y.Doc
  /** Presence of everyone in the room, kept so newcomers see it at once and leavers are announced. */
  readonly awareness: Awareness
  /** Each peer with the awareness client ids it announced; null until it announces one (most idle peers never do). */
  readonly peers: Map<Peer, Set<number> | null>
  /** Counts awareness changes, so the relay can tell a frame that changed presence from a stale echo. */
  awarenessChanges: number
  /** Rows stored for this room since its last compaction; decides when to compact. */
  storedRows: number
  nextCompactionAt: number
  /** A store write failed: memory holds edits the disk lacks until the whole state is saved again. */
  unsaved: boolean
  compactionQueued: boolean
  /**
   * The sync step 2 a newcomer with an empty document gets, framed for the wire once per document version.
   * Cleared where updates are applied, not by a doc 'update' listener: with one, Yjs would re-encode every update.
   */
  fullStateFrame: Uint8Array | null
  idleTimer: NodeJS.Timeout | null
  retryTimer: NodeJS.Timeout | null
}

/**
 * Builds a room from its stored updates. Throws if they cannot be read or applied: the caller must then
 * refuse clients, because an empty document served in place of the stored one would be synced back over it.
 */
export const loadRoom = (name: string, store: RoomStore, compactEvery: number): Room => {
  const rows = store.load(name)
  const doc = new Y.Doc({ gc: true })
  try {
    Y.transact(doc, () => {
      for (const row of rows) Y.applyUpdate(doc, row)
    })
  } catch (error) {
    doc.destroy()
    throw error
  }
  const awareness = new Awareness(doc)
  // The relay itself is not a participant.
  awareness.setLocalState(null)
  const room: Room = {
    name,
    doc,
    awareness,
    peers: new Map(),
    awarenessChanges: 0,
    storedRows: rows.length,
    nextCompactionAt: compactEvery,
    unsaved: false,
    compactionQueued: false,
    fullStateFrame: null,
    idleTimer: null,
    retryTimer: null,
  }
  awareness.on('update', ({ added, removed }: { added: number[]; removed: number[] }, origin: unknown) => {
    room.awarenessChanges++
    const peer = origin as Peer
    if (!room.peers.has(peer) || added.length + removed.length === 0) return
    const ids = room.peers.get(peer) ?? new Set<number>()
    for (const id of added) ids.add(id)
    for (const id of removed) ids.delete(id)
    room.peers.set(peer, ids)
  })
  return room
}

/** Frames the message once for all recipients. */
export const broadcast = (room: Room, message: Uint8Array, except: Peer | null): void => {
  const wire = binaryFrame(message)
  for (const peer of room.peers.keys()) {
    if (peer !== except) sendFramed(peer, wire)
  }
}

/** Frees the room's memory; its awareness stops its own timer when the doc is destroyed. */
export const disposeRoom = (room: Room): void => {
  if (room.idleTimer !== null) clearTimeout(room.idleTimer)
  if (room.retryTimer !== null) clearTimeout(room.retryTimer)
  room.doc.destroy()
}
