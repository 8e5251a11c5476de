/** One stored update of a room with its place in the room's order. */
export interface StoredRow {
  readonly seq: number
  readonly data: Uint8Array
}

/** A room as stored: its rows in order and the seq of the last one (0 for a new room). */
export interface StoredRoom {
  readonly rows: readonly Uint8Array[]
  readonly seq: number
}

/**
 * Where rooms' documents live between relay runs. An update is durable once `append` resolves, and the relay
 * relays or acknowledges nothing before that. Every method rejects on failure; callers decide what a failure means
 * for the room. `seq` orders a room's rows; a store shared by several relays (PostgreSQL) numbers each room's rows
 * 1, 2, 3… without gaps, which is how an instance notices an update it has not seen.
 */
export interface RoomStore {
  load(room: string): Promise<StoredRoom>
  /** Stores the update; resolves to its seq. */
  append(room: string, update: Uint8Array): Promise<number>
  /**
   * Replaces the rows up to `throughSeq` with `state`, which must hold at least everything they hold. Rows after
   * `throughSeq` (appended meanwhile, perhaps by another relay) stay. Resolves false when another relay is
   * compacting the room right now, so this one skipped it.
   */
  compact(room: string, state: Uint8Array, throughSeq: number): Promise<boolean>
  /** Finishes background work and closes; nothing may be called after. */
  close(): Promise<void>
}

/** A store several relay processes write at once: each can read what the others appended. */
export interface SharedRoomStore extends RoomStore {
  /** The room's rows after `seq`, in order. */
  rowsAfter(room: string, seq: number): Promise<StoredRow[]>
  /** The last seq of each of these rooms (0 for a room with nothing stored), in one round trip. */
  lastSeqs(rooms: readonly string[]): Promise<Map<string, number>>
}
