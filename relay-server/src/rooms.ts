import * as Y from 'yjs'
import type { Result } from '../../shared/errors'
import { CloseCode } from '../../shared/protocol/close-codes'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../shared/protocol/codec'
import { isEmptyUpdate } from '../../shared/protocol/messages'
import type { DecodedUpdate } from '../../shared/review/update-places'
import type { Limits } from './config'
import type { Logger } from './log'
import {
  applyPresence,
  encodeEveryonePresent,
  encodePresenceOf,
  presenceEntriesOf,
  removePresence,
} from './presence'
import { decodePresenceUpdate } from './presence-frame'
import { broadcast, disposeRoom, roomFromRows, sendFramed, sendTo, type Peer, type Room } from './room'
import { afterWrites, enqueueWrite, noteHeld, writesDone } from './room-writes'
import { judgeGuardedUpdate } from './update-guards'
import { charge, forgetAnswers, msUntilAffordable, remember, rememberedAnswer } from './step-answers'
import type { FanoutMessage } from './cluster/fanout-entry'
import { createClusterSync, type ClusterLinks } from './cluster/cluster-sync'
import type { RoomStore } from './store/store'
import { keptBinaryFrame } from './ws-frame'

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
  readonly cluster: ClusterLinks | null
  readonly log: Logger
  readonly limits: Limits
  readonly roomIdleMs: number
  readonly compactEvery: number
  readonly storeRetryMs: number
  /**
   * Token mode: review-, feedback- and team-room updates must pass their guards (update-guards.ts; in `--open`
   * mode all are one anonymous author, or lead in a team's space).
   */
  readonly guardReviews: boolean
}

/** Writes a room may have waiting (a slow or failing store) before its senders' sockets stop being read. */
const MAX_PENDING_WRITES = 1_000
/** How long shutdown waits for writes in progress. */
const CLOSE_WRITES_MS = 2_000

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

/**
 * The rooms in memory and the path of every update: validate → apply → store → relay. Nothing is relayed, and
 * no state vector acknowledges an update, before the store holds it (see room-writes.ts); a failing store stops
 * the room's relaying until a retry succeeds, and loses nothing, since clients keep what was not acknowledged.
 * In a cluster, every stored update is also published to the other relays, which apply it in the store's order
 * and catch up from the store when they find they missed one.
 */
export const createRooms = ({
  store,
  cluster,
  log,
  limits,
  roomIdleMs,
  compactEvery,
  storeRetryMs,
  guardReviews,
}: RoomsOptions) => {
  const rooms = new Map<string, Room>()
  const loading = new Map<string, Promise<Result<Room, Refusal>>>()
  let connections = 0
  const shared = cluster !== null
  const fanout = cluster?.fanout ?? null
  // Outside the connections, so the many that never misbehave carry nothing for it.
  const presenceDropLogged = new WeakSet<Peer>()

  const isLoaded = (room: Room): boolean => rooms.get(room.name) === room

  /** Ends every connection of a room whose memory can no longer be trusted and forgets it; clients reload it from the store. */
  const evict = (room: Room, reason: string): void => {
    if (!isLoaded(room)) return
    rooms.delete(room.name)
    fanout?.unwatch(room.name)
    for (const peer of [...room.peers.keys()]) peer.socket.close(CloseCode.InternalError, reason)
    disposeRoom(room)
    log.error({ event: 'room-evicted', room: room.name, reason }, 'room evicted from memory')
  }

  /** Applies an update to the document; false (and the room evicted) if it failed midway. */
  const applyToDoc = (room: Room, update: Uint8Array, origin: unknown = null): boolean => {
    try {
      Y.applyUpdate(room.doc, update, origin)
    } catch (error) {
      // Decoded but failed mid-integration: the in-memory doc may be half-changed.
      evict(room, `update failed to apply: ${message(error)}`)
      return false
    }
    room.fullStateFrame = null
    forgetAnswers(room.stepAnswers)
    return true
  }

  /** Stores the update, retrying while the store fails; null if the room was evicted or left empty meanwhile. */
  const storeUpdate = async (room: Room, update: Uint8Array): Promise<number | null> => {
    for (;;) {
      try {
        const seq = await store.append(room.name, update)
        if (room.storeFailing) {
          room.storeFailing = false
          log.info(
            { event: 'store-recovered', room: room.name },
            'store write succeeded again; relaying resumed',
          )
        }
        return seq
      } catch (error) {
        if (!room.storeFailing)
          log.error(
            { event: 'store-failed', op: 'append', room: room.name, err: message(error) },
            'store write failed; the room relays and acknowledges nothing until a retry succeeds',
          )
        room.storeFailing = true
      }
      await sleep(storeRetryMs)
      if (!isLoaded(room)) return null
      if (room.peers.size === 0) {
        // Everyone left: their clients still hold the update, unacknowledged, and send it again on return.
        evict(room, 'store unavailable and nobody connected')
        return null
      }
    }
  }

  const compact = async (room: Room): Promise<void> => {
    room.compactionQueued = false
    await writesDone(room)
    if (!isLoaded(room)) return
    const started = performance.now()
    // Between writes: the document holds every row through room.seq, perhaps more, never an unstored update.
    const throughSeq = room.seq
    const rowsBefore = room.storedRows
    const state = Y.encodeStateAsUpdate(room.doc)
    try {
      const compacted = await store.compact(room.name, state, throughSeq)
      if (!compacted) {
        room.nextCompactionAt = room.storedRows + compactEvery
        log.debug({ event: 'compaction-skipped', room: room.name }, 'another relay is compacting the room')
        return
      }
      log.debug(
        {
          event: 'room-compacted',
          room: room.name,
          rows: rowsBefore,
          bytes: state.length,
          ms: performance.now() - started,
        },
        'room compacted',
      )
      // Rows stored while the compaction ran are still rows of their own.
      room.storedRows = room.storedRows - rowsBefore + 1
      room.nextCompactionAt = compactEvery
    } catch (error) {
      log.error(
        { event: 'store-failed', op: 'compact', room: room.name, err: message(error) },
        'compaction failed; the rows stay as they were',
      )
      room.nextCompactionAt = room.storedRows + compactEvery
    }
  }

  const scheduleCompaction = (room: Room): void => {
    if (room.compactionQueued || room.storedRows < room.nextCompactionAt) return
    room.compactionQueued = true
    // Off the message path: the update that crossed the threshold is already stored and relayed.
    setImmediate(() => void compact(room))
  }

  const unload = async (room: Room): Promise<void> => {
    room.idleTimer = null
    if (room.peers.size > 0 || !isLoaded(room)) return
    if (room.storedRows > 1) await compact(room)
    await writesDone(room)
    if (room.peers.size > 0 || !isLoaded(room)) return
    rooms.delete(room.name)
    fanout?.unwatch(room.name)
    disposeRoom(room)
    log.info({ event: 'room-unloaded', room: room.name }, 'idle room unloaded')
  }

  const scheduleUnload = (room: Room): void => {
    room.idleTimer = setTimeout(() => void unload(room), roomIdleMs)
  }

  const load = async (name: string): Promise<Result<Room, Refusal>> => {
    try {
      // Watched before it is read, so nothing another relay stores meanwhile waits for the lag check.
      clusterSync?.loading(name)
      await fanout?.watch(name)
      const room = roomFromRows(name, await store.load(name), compactEvery)
      rooms.set(name, room)
      clusterSync?.loaded(room)
      log.info({ event: 'room-loaded', room: name, rows: room.storedRows }, 'room loaded')
      scheduleCompaction(room)
      // Unloaded after the grace period unless someone enters.
      scheduleUnload(room)
      return { ok: true, value: room }
    } catch (error) {
      clusterSync?.loadFailed(name)
      fanout?.unwatch(name)
      log.error(
        { event: 'room-load-failed', room: name, err: message(error) },
        'stored document failed to load; refusing clients',
      )
      return refuse(CloseCode.RoomUnavailable, 'stored document failed to load')
    }
  }

  const clusterSync =
    cluster === null ? null : createClusterSync({ rooms, cluster, log, applyToDoc, scheduleCompaction })

  const publishPresence = (room: Room, ids: readonly number[]): void => {
    fanout?.publish(room.name, { kind: 'presence', entries: presenceEntriesOf(room.presence, ids) })
  }

  return {
    stats: () => ({ rooms: rooms.size, connections }),

    /** Delivers what another relay published (through Redis). */
    receive: (room: string, message: FanoutMessage): void => clusterSync?.receive(room, message),
    /** After Redis was away: every room catches up from the store. */
    catchUpAll: (): void => clusterSync?.catchUpAll(),

    /** The room in memory, loading it on first use; refused if the relay is full or the stored document is unreadable. */
    async open(name: string): Promise<Result<Room, Refusal>> {
      if (connections >= limits.maxConnections)
        return refuse(CloseCode.TooManyConnections, 'relay is at its connection limit')
      const loaded = rooms.get(name)
      if (loaded !== undefined) return { ok: true, value: loaded }
      let pending = loading.get(name)
      if (pending === undefined) {
        pending = load(name)
        loading.set(name, pending)
        void pending.finally(() => loading.delete(name))
      }
      return pending
    },

    /** Admits a peer to an open room and starts the sync: our state vector, then everyone's presence. */
    enter(room: Room, peer: Peer): Outcome {
      if (!isLoaded(room)) return refuse(CloseCode.RoomUnavailable, 'room was unloaded; reconnect')
      if (connections >= limits.maxConnections)
        return refuse(CloseCode.TooManyConnections, 'relay is at its connection limit')
      if (room.peers.size >= limits.maxRoomConnections)
        return refuse(CloseCode.TooManyConnections, 'room is at its connection limit')
      if (room.idleTimer !== null) clearTimeout(room.idleTimer)
      room.idleTimer = null
      room.peers.set(peer, null)
      connections++
      afterWrites(room, () => {
        if (room.peers.has(peer)) sendTo(peer, encodeSyncStep1(Y.encodeStateVector(room.doc)))
      })
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
      if (removed.length > 0) {
        broadcast(room, encodeAwareness(encodePresenceOf(room.presence, removed)), null)
        publishPresence(room, removed)
      }
      if (room.peers.size === 0 && isLoaded(room)) scheduleUnload(room)
    },

    /** Whether a room has so many writes waiting that its senders should stop being read for a while. */
    backlogged: (room: Room): boolean => room.pendingWrites >= MAX_PENDING_WRITES,

    /** Runs `read` once the room's writes so far are stored (see room-writes.ts). */
    afterWrites,

    /**
     * Sends the step 2 for `stateVector`; or, when the room has spent its encoding budget, sends nothing and
     * says how many milliseconds to wait before asking again (0 means answered). See step-answers.ts.
     * Call it between writes (`afterWrites`).
     */
    answerSyncStep1(room: Room, peer: Peer, stateVector: Uint8Array): Result<number, Refusal> {
      // Fresh devices joining a big course all ask for everything: encode it once per version, not per join.
      if (isEmptyStateVector(stateVector)) {
        room.fullStateFrame ??= keptBinaryFrame(encodeSyncStep2(Y.encodeStateAsUpdate(room.doc)))
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
      const frame = keptBinaryFrame(encodeSyncStep2(diff))
      charge(room.stepAnswers, stateVector.byteLength + frame.byteLength)
      remember(room.stepAnswers, stateVector, frame)
      sendFramed(peer, frame)
      return answered
    },

    /**
     * `frame` is the received frame when it already is an update message: it is relayed byte for byte.
     * The update is decoded in full before it touches the document, so a malformed one changes nothing. A
     * refusal found once the update's turn comes (a review, feedback or team rule) is passed to `refused`.
     */
    applyUpdate(
      room: Room,
      from: Peer,
      update: Uint8Array,
      frame: Uint8Array | null,
      refused: (outcome: Outcome) => void,
    ): Outcome {
      if (isEmptyUpdate(update)) return done
      let decoded: DecodedUpdate
      try {
        decoded = Y.decodeUpdate(update)
      } catch (error) {
        return refuse(CloseCode.MalformedMessage, `undecodable update: ${message(error)}`)
      }
      enqueueWrite(room, async () => {
        if (!isLoaded(room) || !room.peers.has(from)) return
        const judged = guardReviews ? judgeGuardedUpdate(log, room, from, decoded) : null
        if (judged !== null) return refused(judged)
        if (!applyToDoc(room, update, from))
          return refused(refuse(CloseCode.InternalError, 'update failed to apply'))
        const seq = await storeUpdate(room, update)
        if (seq === null) return
        noteHeld(room, seq, shared)
        broadcast(room, frame ?? encodeUpdate(update), from)
        fanout?.publish(room.name, { kind: 'update', seq, update })
        scheduleCompaction(room)
      })
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
      if (applied.changed.length > 0) {
        broadcast(room, encodeAwareness(encodePresenceOf(room.presence, applied.changed)), null)
        publishPresence(room, applied.changed)
      }
      return done
    },

    answerQueryAwareness(room: Room, peer: Peer): void {
      const present = encodeEveryonePresent(room.presence)
      if (present !== null) sendTo(peer, encodeAwareness(present))
    },

    /**
     * Shutdown: lets writes in progress finish (briefly: what a failing store holds back is still on its
     * clients, unacknowledged) and frees all memory.
     */
    async closeAll(): Promise<void> {
      clusterSync?.stop()
      const all = [...rooms.values()]
      rooms.clear()
      await Promise.race([Promise.all(all.map(writesDone)), sleep(CLOSE_WRITES_MS)])
      for (const room of all) disposeRoom(room)
    },
  }
}

export type Rooms = ReturnType<typeof createRooms>
