/** One presence entry as it crosses to other instances: already checked, identity already set, by its relay. */
export interface RemotePresenceEntry {
  readonly clientId: number
  readonly clock: number
  /** The state's JSON text; null removes it. */
  readonly json: string | null
  /** The token user who owns the client id. */
  readonly owner: string
}

/** What crosses from one instance to the others. */
export type FanoutMessage =
  | { readonly kind: 'update'; readonly seq: number; readonly update: Uint8Array }
  | { readonly kind: 'presence'; readonly entries: readonly RemotePresenceEntry[] }

export interface FanoutEntry {
  readonly instance: string
  readonly message: FanoutMessage
}

/**
 * A message's bytes: a kind byte (`u` update, `p` presence), the sending instance's id (a UUID, 36 ASCII bytes), then
 * for an update its seq (8 bytes, big-endian) and the update's bytes, for presence the entries as JSON.
 */
const UPDATE = 0x75
const PRESENCE = 0x70
const INSTANCE_BYTES = 36
const HEADER_BYTES = 1 + INSTANCE_BYTES
const SEQ_BYTES = 8

/** A message of `bodyBytes` after the header, the header written. */
const withHeader = (kind: number, instance: string, bodyBytes: number): Buffer => {
  if (instance.length !== INSTANCE_BYTES) throw new Error(`instance id must be ${INSTANCE_BYTES} characters`)
  const bytes = Buffer.allocUnsafe(HEADER_BYTES + bodyBytes)
  bytes[0] = kind
  bytes.write(instance, 1, 'latin1')
  return bytes
}

export const encodeFanoutEntry = (instance: string, message: FanoutMessage): Buffer => {
  if (message.kind === 'presence') {
    const json = JSON.stringify(message.entries)
    const bytes = withHeader(PRESENCE, instance, Buffer.byteLength(json))
    bytes.write(json, HEADER_BYTES, 'utf8')
    return bytes
  }
  const bytes = withHeader(UPDATE, instance, SEQ_BYTES + message.update.byteLength)
  bytes.writeBigUInt64BE(BigInt(message.seq), HEADER_BYTES)
  bytes.set(message.update, HEADER_BYTES + SEQ_BYTES)
  return bytes
}

const isPresenceEntry = (value: unknown): value is RemotePresenceEntry => {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    Number.isSafeInteger(entry.clientId) &&
    Number.isSafeInteger(entry.clock) &&
    (entry.json === null || typeof entry.json === 'string') &&
    typeof entry.owner === 'string'
  )
}

/** Null for a message no relay of ours wrote (another program publishing on the channel): it is skipped. */
export const decodeFanoutEntry = (bytes: Buffer): FanoutEntry | null => {
  if (bytes.byteLength < HEADER_BYTES) return null
  const instance = bytes.toString('latin1', 1, HEADER_BYTES)
  if (bytes[0] === UPDATE) {
    if (bytes.byteLength < HEADER_BYTES + SEQ_BYTES) return null
    const seq = Number(bytes.readBigUInt64BE(HEADER_BYTES))
    if (!Number.isSafeInteger(seq) || seq < 1) return null
    const start = HEADER_BYTES + SEQ_BYTES
    const update = new Uint8Array(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start)
    return { instance, message: { kind: 'update', seq, update } }
  }
  if (bytes[0] !== PRESENCE) return null
  try {
    const entries: unknown = JSON.parse(bytes.toString('utf8', HEADER_BYTES))
    if (!Array.isArray(entries) || !entries.every(isPresenceEntry)) return null
    return { instance, message: { kind: 'presence', entries } }
  } catch {
    return null
  }
}
