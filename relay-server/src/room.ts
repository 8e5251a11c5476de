import * as Y from 'yjs'
import type { Role, TeamRole } from '../../shared/protocol/token'
import { createPresence, type Announcer, type RoomPresence } from './presence'
import type { StoredRoom } from './store/store'
import { createStepAnswers, type StepAnswers } from './step-answers'
import { binaryFrame } from './ws-frame'

/** The part of a WebSocket a room uses; `ws`'s WebSocket is one. */
export interface PeerSocket {
  readonly readyState: number
  /** Bytes written but not yet taken by the network: the TCP stream's queue plus anything `ws` holds. */
  readonly bufferedAmount: number
  close(code: number, reason: string): void
}

/** What every peer of one relay shares about sending. */
export interface PeerEnv {
  /** Unsent bytes past which a peer is cut off (see `sendFramed`). */
  readonly maxUnsentBytes: number
  /** Closes a peer that stopped reading; called instead of writing the frame that would overflow it. */
  readonly onBacklogFull: (peer: Peer) => void
}

/** The TCP stream under a peer's WebSocket; the relay writes whole frames to it (see ws-frame.ts). */
export interface PeerWire {
  write(frame: Uint8Array): unknown
}

/** A connection as its room sees it. Plain data, so thousands of them cost no closures. */
export interface Peer extends Announcer {
  readonly id: number
  /**
   * The token's role: review, feedback and team rooms judge each update by its sender (update-guards.ts).
   * In a course's rooms a course role (a team token's turned into one, access.ts); in a
   * team's space (`team:<teamId>`) the team role.
   */
  readonly role: Role | TeamRole
  readonly socket: PeerSocket
  readonly wire: PeerWire
  readonly env: PeerEnv
  /** The largest frame written since the peer's backlog was last within `maxUnsentBytes` (see `sendFramed`). */
  unsentAllowance: number
}

const OPEN = 1

/**
 * Writes an already framed message. Safe beside `ws`'s own writes (pings, close frames): every write is a
 * whole frame, made synchronously, and with compression off `ws` never holds frames back to write later.
 * Once `ws` has begun closing (no longer OPEN) nothing more is written, so nothing follows its close frame.
 *
 * A peer that stops reading is cut off once its unsent bytes pass `maxUnsentBytes`, counted over both paths
 * (`bufferedAmount` covers the TCP stream and `ws`'s own queue). A frame larger than the cap (a big document's
 * full state) still goes out whole when the backlog before it is within the cap; what follows it may then add
 * up to the cap again, so a slow reader of a big document is not cut off while it downloads it.
 */
export const sendFramed = (peer: Peer, wire: Uint8Array): void => {
  if (peer.socket.readyState !== OPEN) return
  const unsent = peer.socket.bufferedAmount
  const cap = peer.env.maxUnsentBytes
  if (unsent <= cap) peer.unsentAllowance = wire.byteLength
  else if (unsent + wire.byteLength > cap + peer.unsentAllowance) return peer.env.onBacklogFull(peer)
  peer.wire.write(wire)
}

export const sendTo = (peer: Peer, message: Uint8Array): void => sendFramed(peer, binaryFrame(message))

export interface Room {
  readonly name: string
  readonly doc: Y.Doc
  /**
   * Presence of everyone in the room, kept so newcomers see it at once and leavers are announced. Checked JSON
   * text, not y-protocols' Awareness: that one re-serialises client objects, which a deep one makes throw.
   */
  readonly presence: RoomPresence
  /** Each peer with the awareness client ids it announced; null until it announces one (most idle peers never do). */
  readonly peers: Map<Peer, Set<number> | null>
  /** Rows stored for this room since its last compaction; decides when to compact. */
  storedRows: number
  nextCompactionAt: number
  compactionQueued: boolean
  /** The store's seq up to which the document holds every stored row: what a compaction may replace. */
  seq: number
  /** Seqs after `seq` the document already holds (this relay's own appends, other relays' that came early). */
  readonly heldAfter: Set<number>
  /** The room's last write in progress, null when none is: reads of the document wait for it (room-writes.ts). */
  writing: Promise<void> | null
  pendingWrites: number
  /** The last store write failed and is being retried: nothing is relayed or acknowledged meanwhile. */
  storeFailing: boolean
  /** The store's last seq for the room at the last look (cluster mode): rows up to it should have arrived by the next. */
  storeSeqSeen: number
  /**
   * The sync step 2 a newcomer with an empty document gets, framed for the wire once per document version.
   * Cleared where updates are applied, not by a doc 'update' listener: with one, Yjs would re-encode every update.
   */
  fullStateFrame: Uint8Array | null
  /** Answers to sync step 1 with a state vector, for this document version, and the room's budget for them. */
  readonly stepAnswers: StepAnswers
  idleTimer: NodeJS.Timeout | null
}

/**
 * Builds a room from its stored updates. Throws if they cannot be applied: the caller must then refuse
 * clients, because an empty document served in place of the stored one would be synced back over it.
 */
export const roomFromRows = (name: string, { rows, seq }: StoredRoom, compactEvery: number): Room => {
  const doc = new Y.Doc({ gc: true })
  try {
    Y.transact(doc, () => {
      for (const row of rows) Y.applyUpdate(doc, row)
    })
  } catch (error) {
    doc.destroy()
    throw error
  }
  return {
    name,
    doc,
    presence: createPresence(),
    peers: new Map(),
    storedRows: rows.length,
    nextCompactionAt: compactEvery,
    compactionQueued: false,
    seq,
    heldAfter: new Set(),
    writing: null,
    pendingWrites: 0,
    storeFailing: false,
    storeSeqSeen: 0,
    fullStateFrame: null,
    stepAnswers: createStepAnswers(),
    idleTimer: null,
  }
}

/** Frames the message once for all recipients. */
export const broadcast = (room: Room, message: Uint8Array, except: Peer | null): void => {
  const wire = binaryFrame(message)
  for (const peer of room.peers.keys()) {
    if (peer !== except) sendFramed(peer, wire)
  }
}

/** Frees the room's memory. */
export const disposeRoom = (room: Room): void => {
  if (room.idleTimer !== null) clearTimeout(room.idleTimer)
  room.doc.destroy()
}
