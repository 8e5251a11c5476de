/**
 * A course state (a Yjs update) as the history document stores it: compressed, then cut into parts small enough
 * for one relay message each; and a version's snapshot, compressed. Deflate shrinks lesson text about 3 to 1 and
 * costs milliseconds.
 */
import { deflateSync, inflateSync } from 'fflate'
import * as Y from 'yjs'

/**
 * The largest part, and so (with the few bytes Yjs wraps around it) the largest single update a version sends.
 * The relay closes a connection on a frame over its `--max-message-bytes` (16 MiB by default, settable down to
 * 1 KiB); parts keep each update far below the default and below the byte rate limit's burst.
 */
export const HISTORY_PART_BYTES = 256 * 1024

/** A version's Yjs snapshot as stored: its delete set lists every deletion ever, and compresses about 3 to 1. */
export const packSnapshot = (snapshot: Y.Snapshot): Uint8Array => deflateSync(Y.encodeSnapshotV2(snapshot))

export const unpackSnapshot = (packed: Uint8Array): Y.Snapshot | undefined => {
  try {
    return Y.decodeSnapshotV2(inflateSync(packed))
  } catch {
    return undefined
  }
}

export const packState = (update: Uint8Array): Uint8Array[] => {
  const packed = deflateSync(update)
  const parts: Uint8Array[] = []
  for (let offset = 0; offset < packed.length; offset += HISTORY_PART_BYTES) {
    parts.push(packed.slice(offset, offset + HISTORY_PART_BYTES))
  }
  return parts
}

/** The update back from its parts; undefined if they do not inflate (damaged or not all here). */
export const unpackState = (parts: readonly Uint8Array[]): Uint8Array | undefined => {
  const packed = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    packed.set(part, offset)
    offset += part.length
  }
  try {
    return inflateSync(packed)
  } catch {
    return undefined
  }
}
