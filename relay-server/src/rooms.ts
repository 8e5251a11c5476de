import * as Y from 'yjs'
import type { Result } from '../../shared/errors'
import { CloseCode } from '../../shared/protocol/close-codes'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../shared/protocol/codec'
import { isEmptyUpdate } from '../../shared/protocol/messages'
import type { DecodedUpdate } from '../../shared/review/update-places'
import type { Limits } from './config'
import type { Logger } from './log'
import { applyPresence, encodeEveryonePresent, encodePresenceOf, removePresence } from './presence'
import { decodePresenceUpdate } from './presence-frame'
import { broadcast, disposeRoom, loadRoom, sendFramed, sendTo, type Peer, type Room } from './room'
import { judgeReviewUpdate } from './review-guard'
import { charge, forgetAnswers, msUntilAffordable, remember, rememberedAnswer } from './step-answers'
import type { RoomStore } from './store/store'
import { binaryFrame } from './ws-frame'

/** Why the relay ends a connection: a close code from shared/protocol and a short reason. */
export interface Refusal {
  readonly code: CloseCode
  readonly reason: string
}
export type Outcome = Result<void, Refusal>

const done: Outcome = { ok: true, value: undefined }
const answered: Result<number, Refusal> = { ok: true, value: 0 }
const refuse = (code: CloseCode, reason: string): Result<never, Refusal> => ({
  ok: false,
  error: { code, reason },
})
/** A state vector listing no clients: a single varint 0. */
const isEmptyStateVector = (stateVector: Uint8Array): boolean =>
  stateVector.length === 1 && stateVector[0] === 0

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export interface RoomsOptions {
  readonly store: RoomStore
  readonly log: Logger
  readonly limits: Limits
  readonly roomIdleMs: number
  readonly compactEvery: number
  readonly storeRetryMs: number
  /** Token mode: review-room updates must pass review-guard.ts (in `--open` mode all are one anonymous author). */
  readonly guardReviews: boolean
}

/**
 * The rooms in memory and the path of every update: validate → apply → store → broadcast.
 * Storing happens before broadcasting, synchronously, so whatever a client has seen relayed is on disk.
 */
export const createRooms = ({
  store,
  log,
  limits,
  roomIdleMs,
  compactEvery,
  storeRetryMs,
  guardReviews,
}: RoomsOptions) => {
  const rooms = new Map<string, Room>()
  let connections = 0
  // Outside the connections, so the many that never misbehave carry nothing for it.
  const presenceDropLogged = new WeakSet<Peer>()

  /** Replaces the room's rows with its whole state. From memory, so it also saves edits a failed write left unsaved. */
  const compact = (room: Room): boolean => {
    room.compactionQueued = false
    const started = performance.now()
    try {
      const state = Y.encodeStateAsUpdate(room.doc)
      store.replace(room.name, state)
      log.debug(
        {
          event: 'room-compacted',
          room: room.name,
          rows: room.storedRows,
          bytes: state.length,
          ms: performance.now() - started,
        },
        'room compacted',
      )
      room.storedRows = 1
      room.nextCompactionAt = compactEvery
      if (room.unsaved)
        log.info({ event: 'room-saved', room: room.name }, 'room state saved after earlier store failure')
      room.unsaved = false
      return true
    } catch (error) {
      log.error(
        { event: 'store-failed', op: 'compact', room: room.name, err: message(error) },
        'compaction failed; room stays in memory',
      )
      room.nextCompactionAt = room.storedRows + compactEvery
      return false
    }
  }

  const scheduleRetry = (room: Room): void => {
    if (room.retryTimer !== null) return
    room.retryTimer = setTimeout(() => {
      room.retryTimer = null
      if (room.unsaved && !compact(room)) scheduleRetry(room)
    }, storeRetryMs)
  }

  const scheduleCompaction = (room: Room): void => {
    if (room.compactionQueued || room.storedRows < room.nextCompactionAt) return
    room.compactionQueued = true
    // Off the message path: the update that crossed the threshold is already stored and relayed.
    setImmediate(() => rooms.get(room.name) === room && compact(room))
  }

  const unload = (room: Room): void => {
    room.idleTimer = null
    if (room.peers.size > 0) return
    if ((room.unsaved || room.storedRows > 1) && !compact(room) && room.unsaved) {
      // Never drop edits that exist only in memory; try again after another grace period.
      room.idleTimer = setTimeout(() => unload(room), roomIdleMs)
      return
    }
    rooms.delete(room.name)
    disposeRoom(room)
    log.info({ event: 'room-unloaded', room: room.name }, 'idle room unloaded')
  }

  /** Ends every connection of a room whose memory can no longer be trusted and forgets it; clients reload it from the store. */
  const evict = (room: Room, reason: string): void => {
    rooms.delete(room.name)
    for (const peer of [...room.peers.keys()]) peer.socket.close(CloseCode.InternalError, reason)
    disposeRoom(room)
    log.error({ event: 'room-evicted', room: room.name, reason }, 'room evicted from memory')
  }

  return {
    stats: () => ({ rooms: rooms.size, connections }),

    /** The room in memory, loading it on first use; refused if the relay is full or the stored document is unreadable. */
    open(name: string): Result<Room, Refusal> {
      if (connections >= limits.maxConnections)
        return refuse(CloseCode.TooManyConnections, 'relay is at its connection limit')
      const loaded = rooms.get(name)
      if (loaded !== undefined) return { ok: true, value: loaded }
      try {
        const room = loadRoom(name, store, compactEvery)
        rooms.set(name, room)
        log.info({ event: 'room-loaded', room: name, rows: room.storedRows }, 'room loaded')
        scheduleCompaction(room)
        // Unloaded after the grace period unless someone enters.
        room.idleTimer = setTimeout(() => unload(room), roomIdleMs)
        return { ok: true, value: room }
      } catch (error) {
        log.error(
          { event: 'room-load-failed', room: name, err: message(error) },
          'stored document failed to load; refusing clients',
        )
        return refuse(CloseCode.RoomUnavailable, 'stored document failed to load')
      }
    },

    /** Admits a peer to an open room and starts the sync: our state vector, then everyone's presence. */
    enter(room: Room, peer: Peer): Outcome {
      if (room.peers.size >= limits.maxRoomConnections)
        return refuse(CloseCode.TooManyConnections, 'room is at its connection limit')
      if (room.idleTimer !== null) clearTimeout(room.idleTimer)
      room.idleTimer = null
      room.peers.set(peer, null)
      connections++
      sendTo(peer, encodeSyncStep1(Y.encodeStateVector(room.doc)))
      const present = encodeEveryonePresent(room.presence)
      if (present !== null) sendTo(peer, encodeAwareness(present))
      return done
    },

    leave(room: Room, peer: Peer): void {
      if (!room.peers.has(peer)) return
      const ids = room.peers.get(peer)
      room.peers.delete(peer)
      connections--
      const removed = ids == null ? [] : removePresence(room.presence, peer, ids)
      if (removed.length > 0) broadcast(room, encodeAwareness(encodePresenceOf(room.presence, removed)), null)
      if (room.peers.size === 0 && rooms.get(room.name) === room)
        room.idleTimer = setTimeout(() => unload(room), roomIdleMs)
    },

    /**
     * Sends the step 2 for `stateVector`; or, when the room has spent its encoding budget, sends nothing and
     * says how many milliseconds to wait before asking again (0 means answered). See step-answers.ts.
     */
    answerSyncStep1(room: Room, peer: Peer, stateVector: Uint8Array): Result<number, Refusal> {
      // Fresh devices joining a big course all ask for everything: encode it once per version, not per join.
      if (isEmptyStateVector(stateVector)) {
        room.fullStateFrame ??= binaryFrame(encodeSyncStep2(Y.encodeStateAsUpdate(room.doc)))
        sendFramed(peer, room.fullStateFrame)
        return answered
      }
      const remembered = rememberedAnswer(room.stepAnswers, stateVector)
      if (remembered !== undefined) {
        sendFramed(peer, remembered)
        return answered
      }
      const wait = msUntilAffordable(room.stepAnswers, performance.now())
      if (wait > 0) return { ok: true, value: wait }
      let diff: Uint8Array
      try {
        diff = Y.encodeStateAsUpdate(room.doc, stateVector)
      } catch (error) {
        return refuse(CloseCode.MalformedMessage, `bad state vector: ${message(error)}`)
      }
      const frame = binaryFrame(encodeSyncStep2(diff))
      charge(room.stepAnswers, stateVector.byteLength + frame.byteLength)
      remember(room.stepAnswers, stateVector, frame)
      sendFramed(peer, frame)
      return answered
    },

    /**
     * `frame` is the received frame when it already is an update message: it is relayed byte for byte.
     * The update is decoded in full before it touches the document, so a malformed one changes nothing.
     */
    applyUpdate(room: Room, from: Peer, update: Uint8Array, frame: Uint8Array | null): Outcome {
      if (isEmptyUpdate(update)) return done
      let decoded: DecodedUpdate
      try {
        decoded = Y.decodeUpdate(update)
      } catch (error) {
        return refuse(CloseCode.MalformedMessage, `undecodable update: ${message(error)}`)
      }
      const judged = guardReviews ? judgeReviewUpdate(log, room, from, decoded) : null
      if (judged !== null) return judged
      try {
        Y.applyUpdate(room.doc, update, from)
      } catch (error) {
        // Decoded but failed mid-integration: the in-memory doc may be half-changed. Nothing was stored.
        evict(room, `update failed to apply: ${message(error)}`)
        return refuse(CloseCode.InternalError, 'update failed to apply')
      }
      room.fullStateFrame = null
      forgetAnswers(room.stepAnswers)
      try {
        store.append(room.name, update)
        room.storedRows++
      } catch (error) {
        log.error(
          { event: 'store-failed', op: 'append', room: room.name, err: message(error) },
          'store write failed; update kept in memory',
        )
        room.unsaved = true
        scheduleRetry(room)
      }
      broadcast(room, frame ?? encodeUpdate(update), from)
      scheduleCompaction(room)
      return done
    },

    /**
     * Checked in full first (size, depth, JSON): a state over the limits closes the connection and nothing of
     * the update is applied. Entries for another user's client id, or beyond a connection's few ids, are
     * dropped (see presence.ts). Only entries that changed something are relayed, as the room stored them: a
     * stock client re-sends every presence change it hears, so relaying stale echoes would bounce each change
     * between all clients of the room. Relayed to the sender too, because a stock client reconnects when it
     * hears nothing for 30 s and its own presence renewal is what a lone client hears.
     */
    applyAwareness(room: Room, from: Peer, update: Uint8Array): Outcome {
      const decoded = decodePresenceUpdate(update, limits.maxPresenceBytes)
      if (!decoded.ok) {
        const { kind, detail } = decoded.error
        return refuse(kind === 'malformed' ? CloseCode.MalformedMessage : CloseCode.PresenceTooLarge, detail)
      }
      const applied = applyPresence(room.presence, from, room.peers.get(from) ?? null, decoded.value)
      if (applied.announced !== null && room.peers.has(from)) room.peers.set(from, applied.announced)
      if (applied.dropped !== null && !presenceDropLogged.has(from)) {
        presenceDropLogged.add(from)
        log.warn(
          {
            event: 'presence-dropped',
            conn: from.id,
            room: room.name,
            user: from.user,
            reason: applied.dropped,
          },
          'presence entries dropped (logged once per connection)',
        )
      }
      if (applied.changed.length > 0)
        broadcast(room, encodeAwareness(encodePresenceOf(room.presence, applied.changed)), null)
      return done
    },

    answerQueryAwareness(room: Room, peer: Peer): void {
      const present = encodeEveryonePresent(room.presence)
      if (present !== null) sendTo(peer, encodeAwareness(present))
    },

    /** Shutdown: saves rooms holding unsaved edits and frees all memory. */
    closeAll(): void {
      for (const room of rooms.values()) {
        if (room.unsaved) compact(room)
        disposeRoom(room)
      }
      rooms.clear()
    },
  }
}

export type Rooms = ReturnType<typeof createRooms>
