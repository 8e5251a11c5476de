import type { Room } from './room'

/**
 * A room's writes run one at a time, in arrival order, each to its end (stored, then relayed). A write applies
 * its update to the document before the store has it, so anything that reads the document for a client (sync
 * answers, state vectors, compaction) waits for the writes before it: nobody is told of an update the store does
 * not hold yet. With a synchronous store (SQLite) a write ends within the same turn and nothing ever waits.
 */
export const enqueueWrite = (room: Room, write: () => Promise<void>): void => {
  room.pendingWrites++
  const run = async (): Promise<void> => {
    try {
      await write()
    } finally {
      room.pendingWrites--
    }
  }
  const tail = (room.writing ?? Promise.resolve()).then(run)
  room.writing = tail
  void tail.then(() => {
    if (room.writing === tail) room.writing = null
  })
}

/** Runs `read` now if no write is in progress, else after the writes enqueued so far. */
export const afterWrites = (room: Room, read: () => void): void => {
  if (room.writing === null) read()
  else void room.writing.then(read)
}

/** Resolves once the writes enqueued so far are done. */
export const writesDone = (room: Room): Promise<void> => room.writing ?? Promise.resolve()

/**
 * Records that the document holds stored row `seq`. With a store shared by several relays, a room's seqs have no
 * gaps, and `room.seq` moves only over rows held in a row: a gap is an update another relay stored that this one
 * has not seen yet. A relay's own store numbers rows across rooms, and every row it holds is its own.
 */
export const noteHeld = (room: Room, seq: number, shared: boolean): void => {
  if (seq <= room.seq || room.heldAfter.has(seq)) return
  room.storedRows++
  if (!shared) {
    room.seq = seq
    return
  }
  if (seq !== room.seq + 1) {
    room.heldAfter.add(seq)
    return
  }
  room.seq = seq
  while (room.heldAfter.delete(room.seq + 1)) room.seq++
}

/** After applying every stored row through `seq`: the document holds them all. */
export const catchUpTo = (room: Room, seq: number): void => {
  if (seq <= room.seq) return
  room.storedRows += seq - room.seq
  room.seq = seq
  for (const held of room.heldAfter) if (held <= seq) room.heldAfter.delete(held)
  while (room.heldAfter.delete(room.seq + 1)) room.seq++
}
