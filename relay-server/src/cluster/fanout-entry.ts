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

/** A stream entry's fields: `i` instance, then `u` seq + `d` update bytes, or `p` the presence entries as JSON. */
export const encodeFanoutFields = (instance: string, message: FanoutMessage): (string | Buffer)[] =>
  message.kind === 'update'
    ? ['i', instance, 'u', String(message.seq), 'd', Buffer.from(message.update)]
    : ['i', instance, 'p', JSON.stringify(message.entries)]

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

/** Null for an entry no relay of ours wrote (another program writing to the key): it is skipped. */
export const decodeFanoutEntry = (fields: readonly Buffer[]): FanoutEntry | null => {
  const values = new Map<string, Buffer>()
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [name, value] = [fields[i], fields[i + 1]]
    if (name !== undefined && value !== undefined) values.set(name.toString(), value)
  }
  const instance = values.get('i')?.toString()
  if (instance === undefined) return null
  const seq = values.get('u')
  const data = values.get('d')
  if (seq !== undefined && data !== undefined) {
    const parsed = Number(seq.toString())
    if (!Number.isSafeInteger(parsed) || parsed < 1) return null
    const update = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    return { instance, message: { kind: 'update', seq: parsed, update } }
  }
  const presence = values.get('p')
  if (presence === undefined) return null
  try {
    const entries: unknown = JSON.parse(presence.toString())
    if (!Array.isArray(entries) || !entries.every(isPresenceEntry)) return null
    return { instance, message: { kind: 'presence', entries } }
  } catch {
    return null
  }
}
