import type { Duplex } from 'node:stream'
import type { RawData, WebSocket } from 'ws'
import type { Result } from '../../shared/errors'
import { CloseCode } from '../../shared/protocol/close-codes'
import { decodeClientMessage } from '../../shared/protocol/codec'
import { isEmptyUpdate } from '../../shared/protocol/messages'
import { canWrite } from '../../shared/protocol/rooms'
import { isRole, type Role, type TeamRole } from '../../shared/protocol/token'
import type { AdmittedRoom } from './admission'
import type { Limits } from './config'
import type { CapKeys, ConnectionCaps } from './connection-caps'
import { chargeMessage, fullBuckets, pauseReading, type Buckets } from './connection-limits'
import { endIfRefused, guarded, who } from './connection-outcome'
import type { Logger } from './log'
import type { Peer, PeerEnv, Room } from './room'
import type { Outcome, Refusal, Rooms } from './rooms'
import { requestSyncStep1 } from './sync-step1-requests'

/** What every connection of one relay shares. */
export interface ConnectionEnv extends PeerEnv {
  readonly rooms: Rooms
  readonly log: Logger
  readonly limits: Limits
  readonly caps: ConnectionCaps
  readonly onClose: (connection: Connection) => void
}

/**
 * One client's socket and what the relay knows about it. Plain data: the socket's listeners are module-level
 * functions that find it by socket, so an idle connection costs no closures (it matters at thousands of them).
 */
export interface Connection extends Peer, Buckets, CapKeys {
  readonly socket: WebSocket
  readonly env: ConnectionEnv
  readonly room: Room
  /** From the token: only what is needed after the connection opened (`user` and `name` are in `Peer`). */
  readonly user: string
  /** A course role in a course's rooms; the team role in a team's space. */
  readonly role: Role | TeamRole
  /** Token expiry, milliseconds since the epoch. */
  readonly expiresAt: number
  /** The token's `jti` and `iat` (seconds; 0 if absent), for revocations (tokens/revocation-watch.ts). */
  readonly tokenId: string | undefined
  readonly issuedAt: number
  /** When the connection opened, milliseconds since the epoch. */
  readonly openedAt: number
  /**
   * Whether this role may change this room's document (see `canWrite`). Every team role may write its team's
   * space; the team guard judges each of its updates.
   */
  readonly writable: boolean
  /** Cleared by each heartbeat, set by any frame or pong; still clear at the next heartbeat means dead. */
  alive: boolean
  droppedWrites: number
  /** Frames that arrived past the message or byte rate (each pausing reading); the first is logged. */
  framesOverRate: number
  /** The latest sync step 1 waiting for its turn (see connection-limits.ts); a timer answers it. */
  pendingStateVector: Uint8Array | null
}

const OPEN = 1
const ok: Outcome = { ok: true, value: undefined }
const bySocket = new WeakMap<object, Connection>()
/** How long a socket is not read while its room has too many writes waiting. */
const BACKLOG_PAUSE_MS = 250
/** How long a connection closed for its backlog has to take the close frame before its socket is destroyed. */
const BACKLOG_CLOSE_GRACE_MS = 1_000

const asBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data

/**
 * Updates to a room the role may not write (`canWrite`: a viewer's, a reviewer's or learner's course edits, an
 * author's feedback) are dropped here: never applied, stored or broadcast.
 */
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
    case 'sync-step1':
      return requestSyncStep1(c, message.stateVector)
    case 'sync-step2':
      return c.writable
        ? rooms.applyUpdate(c.room, c, message.update, null, (outcome) => endIfRefused(c, outcome))
        : dropWrite(c, message.update)
    case 'sync-update':
      return c.writable
        ? rooms.applyUpdate(c.room, c, message.update, frame, (outcome) => endIfRefused(c, outcome))
        : dropWrite(c, message.update)
    case 'awareness':
      return rooms.applyAwareness(c.room, c, message.update)
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
  const frame = isBinary ? asBytes(data) : null
  const wait = chargeMessage(c, c.env.limits, frame?.byteLength ?? 0, performance.now())
  // A store that stalls the room's writes stalls its writers too, rather than piling their frames up in memory.
  if (c.env.rooms.backlogged(c.room)) pauseReading(this, BACKLOG_PAUSE_MS)
  else if (wait > 0) {
    if (c.framesOverRate++ === 0)
      c.env.log.info(
        { event: 'rate-limited', ...who(c), pauseMs: wait },
        'over the message or byte rate: reading paused until it refills (logged once per connection)',
      )
    pauseReading(this, wait)
  }
  endIfRefused(
    c,
    frame === null
      ? { ok: false, error: { code: CloseCode.MalformedMessage, reason: 'text frame' } }
      : guarded(c, (c) => handle(c, frame)),
  )
}

function terminateSocket(socket: WebSocket): void {
  socket.terminate()
}

/** Closes a connection that stopped reading, then frees its backlog: a reader that never reads keeps nothing. */
const closeForBacklog = (peer: Peer): void => {
  const c = bySocket.get(peer.socket)
  if (c === undefined || c.socket.readyState !== OPEN) return
  c.env.log.warn(
    {
      event: 'send-backlog-full',
      ...who(c),
      code: CloseCode.SendBacklogFull,
      unsentBytes: c.socket.bufferedAmount,
    },
    'closing a connection that stopped reading',
  )
  c.socket.close(CloseCode.SendBacklogFull, 'send backlog full; reconnect to resync')
  setTimeout(terminateSocket, BACKLOG_CLOSE_GRACE_MS, c.socket).unref()
}

export const createConnectionEnv = (
  rooms: Rooms,
  log: Logger,
  limits: Limits,
  caps: ConnectionCaps,
  onClose: (connection: Connection) => void,
): ConnectionEnv => ({
  rooms,
  log,
  limits,
  caps,
  onClose,
  maxUnsentBytes: limits.maxUnsentBytes,
  onBacklogFull: closeForBacklog,
})

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
  c.env.caps.release(c)
  c.env.rooms.leave(c.room, c)
  c.env.onClose(c)
  c.env.log.info(
    {
      event: 'connection-closed',
      ...who(c),
      code,
      droppedWrites: c.droppedWrites,
      framesOverRate: c.framesOverRate,
    },
    'connection closed',
  )
}

export type Arrival = AdmittedRoom & {
  readonly id: number
  readonly socket: WebSocket
  /** The upgraded TCP stream under `socket`. */
  readonly wire: Duplex
  readonly roomName: string
  /** The room, loaded before the upgrade; or why it could not be. */
  readonly opened: Result<Room, Refusal>
  /** The client's network address, for the per-address cap. */
  readonly address: string | undefined
  /** What identifies the token for the per-token cap (see admission.ts); null in `--open` mode. */
  readonly tokenKey: string | null
}

/** Joins the socket to its room (or closes it with the refusal's code) and starts handling its frames. */
export const attachConnection = (
  env: ConnectionEnv,
  { id, socket, wire, roomName, opened, ref, claims, address, tokenKey }: Arrival,
): Connection | null => {
  const refuse = (code: CloseCode, reason: string): null => {
    env.log.warn(
      { event: 'connection-refused', conn: id, room: roomName, user: claims.sub, code, reason },
      'connection refused',
    )
    socket.close(code, reason)
    return null
  }
  const capped = env.caps.admit(address, roomName, tokenKey)
  if (!capped.ok) return refuse(capped.error.code, capped.error.reason)
  if (!opened.ok) return (env.caps.release(capped.value), refuse(opened.error.code, opened.error.reason))
  const buckets = fullBuckets(env.limits, performance.now())
  const c: Connection = {
    id,
    socket,
    wire,
    env,
    room: opened.value,
    user: claims.sub,
    // A reference to the token's string, for presence; open mode (no token: never expires) leaves presence as sent.
    name: Number.isFinite(claims.exp) ? claims.name : null,
    role: claims.role,
    expiresAt: claims.exp * 1000,
    tokenId: claims.jti,
    issuedAt: claims.iat ?? 0,
    openedAt: Date.now(),
    writable: ref.kind === 'team' || (isRole(claims.role) && canWrite(claims.role, ref.kind)),
    alive: true,
    droppedWrites: 0,
    framesOverRate: 0,
    unsentAllowance: 0,
    // Spelled out rather than spread: one fixed shape for every connection.
    messageTokens: buckets.messageTokens,
    byteTokens: buckets.byteTokens,
    step1Tokens: buckets.step1Tokens,
    refilledAt: buckets.refilledAt,
    address: capped.value.address,
    tokenInRoom: capped.value.tokenInRoom,
    pendingStateVector: null,
  }
  const entered = env.rooms.enter(c.room, c)
  if (!entered.ok) return (env.caps.release(c), refuse(entered.error.code, entered.error.reason))
  bySocket.set(socket, c)
  socket.on('message', onMessage)
  socket.on('pong', onPong)
  socket.on('error', onError)
  socket.on('close', onClose)
  env.log.info({ event: 'connection-opened', ...who(c), name: claims.name }, 'connection opened')
  return c
}
