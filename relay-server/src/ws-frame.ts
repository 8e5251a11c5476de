/**
 * Frames a payload as one unmasked binary WebSocket message (RFC 6455 §5.2), the form a server sends.
 * The relay frames each outgoing message once and writes the same bytes to every recipient's TCP stream:
 * `ws` would frame it again per recipient and write header and payload as two buffers each time, which
 * in a room of 200 was most of the cost of relaying an update.
 */
export const binaryFrame = (payload: Uint8Array): Buffer => {
  const length = payload.byteLength
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  // FIN, opcode 2 (binary).
  frame[0] = 0x82
  if (length < 126) {
    frame[1] = length
  } else if (length < 0x10000) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(payload, headerLength)
  return frame
}

/**
 * A frame a room keeps (its answer to newcomers, remembered sync answers): in a buffer of its own, because a pooled
 * one of a few bytes keeps its whole 8 KB pool slab alive. Rooms' frames made far apart in time each held a slab of
 * their own: 180 idle rooms kept 83 slabs (0.66 MB) on a cluster instance, whose database and Redis traffic takes
 * pool space between two rooms' frames. A copy, made once per kept frame, so that `binaryFrame`, on the path of
 * every relayed update, stays as it is.
 */
export const keptBinaryFrame = (payload: Uint8Array): Buffer => {
  const pooled = binaryFrame(payload)
  const kept = Buffer.allocUnsafeSlow(pooled.byteLength)
  pooled.copy(kept)
  return kept
}
