import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Result } from '../../shared/errors'

/** Deepest nesting of arrays and objects a presence state may have; the app's states nest two or three levels. */
export const MAX_PRESENCE_DEPTH = 32

/** One entry of an awareness update: a client's presence at a clock; `state` null removes it. */
export interface PresenceEntry {
  readonly clientId: number
  readonly clock: number
  /** Parsed from `json`, which was checked before it was parsed. */
  readonly state: unknown
  /** The state's JSON text as sent: at most the size limit, nested at most `MAX_PRESENCE_DEPTH` levels. */
  readonly json: string
}

export interface PresenceRefusal {
  /** `too-large` and `too-deep` are the limits (close 4413); `malformed` is anything undecodable (close 4400). */
  readonly kind: 'malformed' | 'too-large' | 'too-deep'
  readonly detail: string
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d

/**
 * Whether JSON text nests arrays and objects deeper than `max`, counting brackets outside strings. A linear scan
 * with no recursion, so any depth is safe to measure. For text that is not JSON the count may be wrong, but
 * JSON.parse then stops at the first bad character, never deeper than the count up to there.
 */
export const nestsDeeperThan = (json: string, max: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > max) return true
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--
  }
  return false
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

const refuse = (kind: PresenceRefusal['kind'], detail: string): Result<never, PresenceRefusal> => ({
  ok: false,
  error: { kind, detail },
})

/**
 * Decodes a whole awareness update (varUint count; per entry varUint clientID, varUint clock, varString JSON
 * state) and checks every state's size and depth before parsing it. Never throws: any failure refuses the
 * whole update, so nothing of a bad one is applied.
 */
export const decodePresenceUpdate = (
  update: Uint8Array,
  maxStateBytes: number,
): Result<PresenceEntry[], PresenceRefusal> => {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    // Each entry takes at least three bytes: a count beyond that is a lie, whatever it would allocate.
    if (count > (update.length - decoder.pos) / 3) return refuse('malformed', `${count} entries claimed`)
    const entries: PresenceEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const bytes = decoding.readVarUint8Array(decoder)
      if (bytes.length > maxStateBytes)
        return refuse('too-large', `presence state of ${bytes.length} bytes; the limit is ${maxStateBytes}`)
      const json = utf8.decode(bytes)
      if (nestsDeeperThan(json, MAX_PRESENCE_DEPTH))
        return refuse('too-deep', `presence state nested deeper than ${MAX_PRESENCE_DEPTH} levels`)
      entries.push({ clientId, clock, state: JSON.parse(json) as unknown, json })
    }
    if (decoding.hasContent(decoder)) return refuse('malformed', 'trailing bytes after the presence entries')
    return { ok: true, value: entries }
  } catch (error) {
    // lib0 throws on truncated input, TextDecoder on invalid UTF-8, JSON.parse on text that is not JSON.
    return refuse(
      'malformed',
      `bad presence update: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

/** Encodes stored presence as an awareness update; `json` null is a removal. */
export const encodePresenceUpdate = (
  entries: readonly { readonly clientId: number; readonly clock: number; readonly json: string | null }[],
): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json ?? 'null')
  }
  return encoding.toUint8Array(encoder)
}
