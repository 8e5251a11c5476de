/** Awareness frames as a hostile client writes them: raw JSON text, any client id, any clock. */
import * as encoding from 'lib0/encoding'
import { MessageType } from '../../shared/protocol/messages'

export type RawPresence = readonly [clientId: number, clock: number, json: string]

/** The awareness update inside a frame. */
export const presenceUpdate = (entries: readonly RawPresence[]): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
  return encoding.toUint8Array(encoder)
}

/** A whole awareness message around `update`, which may be any bytes. */
export const awarenessMessage = (update: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export const awarenessFrame = (...entries: RawPresence[]): Uint8Array =>
  awarenessMessage(presenceUpdate(entries))

/** `{"user":{"a":{"a":…1…}}}`: a state nested `depth` levels, built as text (JSON.stringify would overflow). */
export const deepState = (depth: number): string =>
  `{"user":${'{"a":'.repeat(depth - 2)}{"name":"deep"}${'}'.repeat(depth - 2)}}`
