import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Result } from '../errors'
import { MessageType, SyncStep, type ClientMessage, type DecodeFailure } from './messages'

const malformed = (detail: string): Result<never, DecodeFailure> => ({
  ok: false,
  error: { kind: 'malformed', detail },
})

/**
 * Decodes one client frame. A frame must be consumed exactly: stock clients never send trailing bytes,
 * so anything left over means the frame is not what it claims to be.
 */
export const decodeClientMessage = (frame: Uint8Array): Result<ClientMessage, DecodeFailure> => {
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessage(decoder)
    if (!message.ok) return message
    if (decoding.hasContent(decoder)) return malformed(`${frame.length - decoder.pos} trailing bytes`)
    return message
  } catch (error) {
    // lib0 throws on truncated input (e.g. "Unexpected end of array").
    return malformed(error instanceof Error ? error.message : String(error))
  }
}

const readMessage = (decoder: decoding.Decoder): Result<ClientMessage, DecodeFailure> => {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync:
      return readSync(decoder)
    case MessageType.Awareness:
      return { ok: true, value: { kind: 'awareness', update: decoding.readVarUint8Array(decoder) } }
    case MessageType.QueryAwareness:
      return { ok: true, value: { kind: 'query-awareness' } }
    default:
      // Auth frames only flow from relay to client, so a client sending one is as unknown as type 99.
      return { ok: false, error: { kind: 'unknown-type', detail: `message type ${type}` } }
  }
}

const readSync = (decoder: decoding.Decoder): Result<ClientMessage, DecodeFailure> => {
  const step = decoding.readVarUint(decoder)
  switch (step) {
    case SyncStep.Step1:
      return { ok: true, value: { kind: 'sync-step1', stateVector: decoding.readVarUint8Array(decoder) } }
    case SyncStep.Step2:
      return { ok: true, value: { kind: 'sync-step2', update: decoding.readVarUint8Array(decoder) } }
    case SyncStep.Update:
      return { ok: true, value: { kind: 'sync-update', update: decoding.readVarUint8Array(decoder) } }
    default:
      return { ok: false, error: { kind: 'unknown-type', detail: `sync step ${step}` } }
  }
}

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

const syncFrame = (step: SyncStep, payload: Uint8Array): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, step)
    encoding.writeVarUint8Array(encoder, payload)
  })

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => syncFrame(SyncStep.Step1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => syncFrame(SyncStep.Step2, update)
export const encodeUpdate = (update: Uint8Array): Uint8Array => syncFrame(SyncStep.Update, update)

export const encodeAwareness = (awarenessUpdate: Uint8Array): Uint8Array =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Awareness)
    encoding.writeVarUint8Array(encoder, awarenessUpdate)
  })

export const encodeQueryAwareness = (): Uint8Array =>
  frame((encoder) => encoding.writeVarUint(encoder, MessageType.QueryAwareness))
