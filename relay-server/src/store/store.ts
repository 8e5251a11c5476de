/**
 * Where rooms' documents live between relay runs. Synchronous on purpose: an update is on disk before the
 * call returns, so the relay can store first and broadcast second without an await in between.
 * Every method throws on failure; callers decide what a failure means for the room.
 */
export interface RoomStore {
  /** The room's stored updates in the order they were written; empty for a new room. */
  load(room: string): Uint8Array[]
  append(room: string, update: Uint8Array): void
  /** Atomically replaces everything stored for the room with one update holding its whole state. */
  replace(room: string, state: Uint8Array): void
  /** Finishes background work and closes; nothing may be called after. */
  close(): Promise<void>
}
