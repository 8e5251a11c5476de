import * as Y from 'yjs'
import { encodeAwareness, encodeUpdate } from '../../../shared/protocol/codec'
import type { Logger } from '../log'
import { applyRemotePresence, encodePresenceOf } from '../presence'
import { broadcast, type Room } from '../room'
import { catchUpTo, enqueueWrite, noteHeld } from '../room-writes'
import type { SharedRoomStore } from '../store/store'
import type { Fanout } from './fanout'
import type { FanoutMessage } from './fanout-entry'

/** Several relays share the store: what this one needs to see the others' updates. */
export interface ClusterLinks {
  readonly store: SharedRoomStore
  /** Null without Redis: other relays' updates then arrive by polling the store alone. */
  readonly fanout: Fanout | null
}

export interface ClusterSyncOptions {
  /** The rooms this relay holds, by name (rooms.ts owns them). */
  readonly rooms: ReadonlyMap<string, Room>
  readonly cluster: ClusterLinks
  readonly log: Logger
  /** Applies an update to a room's document; false if that failed and the room was evicted. */
  readonly applyToDoc: (room: Room, update: Uint8Array) => boolean
  readonly scheduleCompaction: (room: Room) => void
}

/** How often a relay asks the store whether its rooms missed another relay's update. */
const LAG_CHECK_MS = 1_000

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Brings other relays' updates into this relay's rooms: as Redis delivers them, and from the store itself when one
 * went missing (a catch-up, which waits its turn among the room's writes since it reads where the room stands).
 */
export const createClusterSync = ({
  rooms,
  cluster,
  log,
  applyToDoc,
  scheduleCompaction,
}: ClusterSyncOptions) => {
  const isLoaded = (room: Room): boolean => rooms.get(room.name) === room
  /** What other relays published about rooms being read from the store, applied once each is in memory. */
  const heldWhileLoading = new Map<string, FanoutMessage[]>()

  /** Another relay's stored row: applied once, in any order (Yjs holds back what depends on a missing one). */
  const receiveRow = (room: Room, seq: number, update: Uint8Array): void => {
    if (seq <= room.seq || room.heldAfter.has(seq)) return
    if (!applyToDoc(room, update)) return
    noteHeld(room, seq, true)
    broadcast(room, encodeUpdate(update), null)
    scheduleCompaction(room)
  }

  /** Reads and applies every stored row after the ones held in a row. */
  const catchUp = (room: Room): void =>
    enqueueWrite(room, async () => {
      if (!isLoaded(room)) return
      let rows
      try {
        rows = await cluster.store.rowsAfter(room.name, room.seq)
      } catch (error) {
        log.warn(
          { event: 'catch-up-failed', room: room.name, err: message(error) },
          'catch-up failed; retrying',
        )
        return
      }
      if (!isLoaded(room) || rows.length === 0) return
      const before = room.seq
      // Every row, even one whose seq is already held: a compaction may have replaced that row with a state that
      // also holds rows this relay missed. Clients get only what is new to the room.
      for (const row of rows) {
        const known = Y.encodeStateVector(room.doc)
        if (!applyToDoc(room, row.data)) return
        broadcast(room, encodeUpdate(Y.diffUpdate(row.data, known)), null)
      }
      catchUpTo(room, rows.at(-1)?.seq ?? room.seq)
      scheduleCompaction(room)
      if (room.seq > before)
        log.info(
          { event: 'room-caught-up', room: room.name, from: before, to: room.seq },
          'caught up from the store',
        )
    })

  /** A room missing a row the store held at the last look catches up (at the first look without Redis). */
  const checkLag = async (): Promise<void> => {
    if (rooms.size === 0) return
    let lastSeqs
    try {
      lastSeqs = await cluster.store.lastSeqs([...rooms.keys()])
    } catch {
      return
    }
    for (const [name, last] of lastSeqs) {
      const room = rooms.get(name)
      if (room === undefined) continue
      // Without Redis the store is the only way; with it, only a row stored a look ago and still missing
      // means a lost entry (rows stored since are usually on their way).
      if (cluster.fanout === null ? last > room.seq : room.seq < room.storeSeqSeen) catchUp(room)
      room.storeSeqSeen = last
    }
  }
  let checkingLag = false
  const lagTimer = setInterval(() => {
    if (checkingLag) return
    checkingLag = true
    void checkLag().finally(() => (checkingLag = false))
  }, LAG_CHECK_MS)
  lagTimer.unref()

  const receive = (name: string, fanned: FanoutMessage): void => {
    const room = rooms.get(name)
    if (room === undefined) {
      heldWhileLoading.get(name)?.push(fanned)
      return
    }
    // Not behind the room's own writes: another relay's row is stored already, so it may be applied and relayed
    // while one of this relay's is still on its way to the store (which reads of the document wait for).
    if (fanned.kind === 'update') return receiveRow(room, fanned.seq, fanned.update)
    const changed = applyRemotePresence(room.presence, fanned.entries)
    if (changed.length > 0) broadcast(room, encodeAwareness(encodePresenceOf(room.presence, changed)), null)
  }

  return {
    receive,
    /**
     * Call before watching a room that is about to be read from the store: what arrives until `loaded` is kept.
     * An update stored after the read is published after it too, so it is either in what was read or kept here.
     */
    loading(name: string): void {
      heldWhileLoading.set(name, [])
    },
    /** The room is in memory: what arrived while it was read is applied (rows it already holds are skipped). */
    loaded(room: Room): void {
      const held = heldWhileLoading.get(room.name) ?? []
      heldWhileLoading.delete(room.name)
      for (const fanned of held) receive(room.name, fanned)
    },
    loadFailed(name: string): void {
      heldWhileLoading.delete(name)
    },
    catchUpAll(): void {
      for (const room of rooms.values()) catchUp(room)
    },
    stop(): void {
      clearInterval(lagTimer)
    },
  }
}
