import type { Duplex } from 'node:stream'
import type { RawData, WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes'
import { decodeClientMessage, encodeSyncStep1 } from '../../shared/protocol/codec'
import { isEmptyUpdate } from '../../shared/protocol/messages'
import { canWrite, type RoomRef } from '../../shared/protocol/rooms'
import type { Role, TokenClaims } from '../../shared/protocol/token'
import type { Logger } from './log'
import { sendTo, type Peer, type Room } from './room'
import type { Outcome, Rooms } from './rooms'

/** What every connection of one relay shares. */
export interface ConnectionEnv {
  readonly rooms: Rooms
  readonly log: Logger
  readonly onClose: (connection: Connection) => void
}

/**
 * One client's socket and what the relay knows about it. Plain data: the socket's listeners are module-level
 * functions that find it by socket, so an idle connection costs no closures (it matters at thousands of them).
 */
export interface Connection extends Peer {
  readonly socket: WebSocket
  readonly env: ConnectionEnv
  readonly room: Room
  /** From the token: only what is needed after the connection opened. */
  readonly user: string
  readonly role: Role
  /** Token expiry, milliseconds since the epoch. */
  readonly expiresAt: number
  /** When the connection opened, milliseconds since the epoch. */
  readonly openedAt: number
  /** Whether this role may change this room's document (see `canWrite`). */
  readonly writable: boolean
  /** Cleared by each heartbeat, set by any frame or pong; still clear at the next heartbeat means dead. */
  alive: boolean
  droppedWrites: number
}

const OPEN = 1
const ok: Outcome = { ok: true, value: undefined }
const bySocket = new WeakMap<WebSocket, Connection>()

const who = (c: Connection) => ({ conn: c.id, room: c.room.name, user: c.user, role: c.role })
const asBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data

/** Reviewers' and viewers' content updates are dropped here: never applied, stored or broadcast. */
const dropWrite = (c: Connection, update: Uint8Array): Outcome => {
  if (isEmptyUpdate(update)) return ok
  if (c.droppedWrites++ === 0)
    c.env.log.warn(
      { event: 'write-dropped', ...who(c) },
      `${c.role} sent a document update; dropped (logged once per connection)`,
    )
  return ok
}

const handle = (c: Connection, frame: Uint8Array): Outcome => {
  const decoded = decodeClientMessage(frame)
  if (!decoded.ok) {
    const code =
      decoded.error.kind === 'malformed' ? CloseCode.MalformedMessage : CloseCode.UnknownMessageType
    return { ok: false, error: { code, reason: decoded.error.detail } }
  }
  const { rooms } = c.env
  const message = decoded.value
  switch (message.kind) {
    case 'sync-step1': {
      const answered = rooms.answerSyncStep1(c.room, c, message.stateVector)
      // The protocol has no acknowledgement: our state vector after the answer tells the client which of its
      // changes the relay now holds. Stock clients reply with a (usually empty) step 2, which costs nothing.
      if (answered.ok) sendTo(c, encodeSyncStep1(Y.encodeStateVector(c.room.doc)))
      return answered
    }
    case 'sync-step2':
      return c.writable ? rooms.applyUpdate(c.room, c, message.update, null) : dropWrite(c, message.update)
    case 'sync-update':
      return c.writable ? rooms.applyUpdate(c.room, c, message.update, frame) : dropWrite(c, message.update)
    case 'awareness':
      return rooms.applyAwareness(c.room, c, message.update, frame)
    case 'query-awareness':
      rooms.answerQueryAwareness(c.room, c)
      return ok
    default:
      return message satisfies never
  }
}

function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  const c = bySocket.get(this)
  if (c === undefined || this.readyState !== OPEN) return
  c.alive = true
  let outcome: Outcome
  try {
    outcome = isBinary
      ? handle(c, asBytes(data))
      : { ok: false, error: { code: CloseCode.MalformedMessage, reason: 'text frame' } }
  } catch (error) {
    c.env.log.error(
      { event: 'internal-error', ...who(c), err: error instanceof Error ? error.stack : String(error) },
      'unexpected error handling a frame',
    )
    outcome = { ok: false, error: { code: CloseCode.InternalError, reason: 'internal error' } }
  }
  if (outcome.ok) return
  c.env.log.warn(
    { event: 'bad-message', ...who(c), code: outcome.error.code, reason: outcome.error.reason },
    'closing connection after a bad message',
  )
  // The WebSocket spec caps a close reason at 123 bytes.
  this.close(outcome.error.code, outcome.error.reason.slice(0, 120))
}

function onPong(this: WebSocket): void {
  const c = bySocket.get(this)
  if (c !== undefined) c.alive = true
}

function onError(this: WebSocket, error: Error & { code?: string }): void {
  const c = bySocket.get(this)
  if (c === undefined) return
  // ws closes the socket itself (1009 for an oversized frame, 1002 for a broken one).
  if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
    c.env.log.warn(
      { event: 'message-too-big', ...who(c), code: CloseCode.MessageTooBig, err: error.message },
      'closing connection after an oversized message',
    )
  } else {
    c.env.log.warn({ event: 'socket-error', ...who(c), err: error.message }, 'socket error')
  }
}

function onClose(this: WebSocket, code: number): void {
  const c = bySocket.get(this)
  if (c === undefined) return
  bySocket.delete(this)
  c.env.rooms.leave(c.room, c)
  c.env.onClose(c)
  c.env.log.info(
    { event: 'connection-closed', ...who(c), code, droppedWrites: c.droppedWrites },
    'connection closed',
  )
}

export interface Arrival {
  readonly id: number
  readonly socket: WebSocket
  /** The upgraded TCP stream under `socket`. */
  readonly wire: Duplex
  readonly roomName: string
  readonly ref: RoomRef
  readonly claims: TokenClaims
}

/** Joins the socket to its room (or closes it with the refusal's code) and starts handling its frames. */
export const attachConnection = (
  env: ConnectionEnv,
  { id, socket, wire, roomName, ref, claims }: Arrival,
): Connection | null => {
  const refuse = (code: CloseCode, reason: string): null => {
    env.log.warn(
      { event: 'connection-refused', conn: id, room: roomName, user: claims.sub, code, reason },
      'connection refused',
    )
    socket.close(code, reason)
    return null
  }
  const opened = env.rooms.open(roomName)
  if (!opened.ok) return refuse(opened.error.code, opened.error.reason)
  const c: Connection = {
    id,
    socket,
    wire,
    env,
    room: opened.value,
    user: claims.sub,
    role: claims.role,
    expiresAt: claims.exp * 1000,
    openedAt: Date.now(),
    writable: canWrite(claims.role, ref.kind),
    alive: true,
    droppedWrites: 0,
  }
  const entered = env.rooms.enter(c.room, c)
  if (!entered.ok) return refuse(entered.error.code, entered.error.reason)
  bySocket.set(socket, c)
  socket.on('message', onMessage)
  socket.on('pong', onPong)
  socket.on('error', onError)
  socket.on('close', onClose)
  env.log.info({ event: 'connection-opened', ...who(c), name: claims.name }, 'connection opened')
  return c
}
