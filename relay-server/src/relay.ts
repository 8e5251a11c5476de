import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/close-codes'
import { PROTOCOL_VERSION } from '../../shared/protocol/messages'
import { createAccessRoute } from './access-route'
import { admit, type Admitted } from './admission'
import { createAccess, type Access } from './access'
import { createTokenVerifier } from './auth'
import type { RelayConfig } from './config'
import { attachConnection, createConnectionEnv, type Connection } from './connection'
import { createConnectionCaps } from './connection-caps'
import { startHeartbeat } from './heartbeat'
import type { Logger } from './log'
import { createMediaRoutes } from './media/routes'
import { openFanout, type Fanout } from './cluster/fanout'
import { createRooms, type Refusal } from './rooms'
import type { Room } from './room'
import type { Result } from '../../shared/errors'
import { openStores, type StoreKind } from './store/open-stores'
import { watchRevocations, type RevocationWatch } from './tokens/revocation-watch'
import { relayVersion } from './version'

export interface Health {
  readonly status: 'ok' | 'closing'
  /** relay-server/package.json's version, built into the bundle. */
  readonly version: string
  readonly protocol: number
  /** Where the relay keeps its data. */
  readonly store: StoreKind
  readonly rooms: number
  readonly connections: number
  /** Seconds since the relay started. */
  readonly uptime: number
}

export interface Relay {
  /** Starts accepting connections; resolves to the relay's ws:// URL. */
  listen(): Promise<string>
  health(): Health
  /** Ends every connection (1001), saves what is unsaved and closes the store. */
  close(): Promise<void>
}

/** How long shutdown waits for clients to acknowledge the close before cutting them off. */
const CLOSE_GRACE_MS = 1_000

const refuseUpgrade = (socket: Duplex, status: number, reason: string): void => {
  const body = `${reason}\n`
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

function destroySocket(this: Duplex): void {
  this.destroy()
}

/** Opens the stores (and Redis) at once, rejecting if they cannot be; the network waits for `listen()`. */
export const createRelay = async (config: RelayConfig, log: Logger): Promise<Relay> => {
  const started = Date.now()
  const version = relayVersion()
  const stores = await openStores(config, {
    onBackgroundError: (err) => log.error({ event: 'store-background-error', err }, 'store background error'),
  })
  let fanout: Fanout | null = null
  try {
    if (config.redisUrl !== null)
      fanout = await openFanout(config.redisUrl, {
        onMessage: (room, message) => rooms.receive(room, message),
        onResumed: () => {
          log.info({ event: 'fanout-resumed' }, 'Redis reachable again; rooms catch up from PostgreSQL')
          rooms.catchUpAll()
        },
        onError: (err) =>
          log.error({ event: 'fanout-failed', err }, 'Redis unreachable; rooms catch up from PostgreSQL'),
      })
  } catch (error) {
    await stores.close()
    throw error
  }
  const rooms = createRooms({
    store: stores.rooms,
    cluster: stores.shared === null ? null : { store: stores.shared, fanout },
    log,
    limits: config.limits,
    roomIdleMs: config.roomIdleMs,
    compactEvery: config.compactEvery,
    storeRetryMs: config.storeRetryMs,
    guardReviews: config.auth.mode === 'token',
  })
  const connections = new Set<Connection>()
  const env = createConnectionEnv(rooms, log, config.limits, createConnectionCaps(config.limits), (c) =>
    connections.delete(c),
  )
  let revocations: RevocationWatch | null = null
  try {
    if (config.auth.mode === 'token') revocations = await watchRevocations(stores.tokens, connections, log)
  } catch (error) {
    await fanout?.close()
    await stores.close()
    throw error
  }
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.limits.maxMessageBytes,
    clientTracking: false,
    // Off, as by default, and required: rooms write pre-framed messages beside ws (see room.ts).
    perMessageDeflate: false,
  })
  let access: Access | null = null
  let closing = false
  let nextId = 1

  const health = (): Health => ({
    status: closing ? 'closing' : 'ok',
    version,
    protocol: PROTOCOL_VERSION,
    store: stores.kind,
    ...rooms.stats(),
    uptime: Math.round((Date.now() - started) / 1000),
  })

  const handleMedia = createMediaRoutes({
    store: stores.media,
    log,
    maxBytes: config.limits.maxMediaBytes,
    access: () => access,
    closing: () => closing,
  })

  const handleAccessCheck = createAccessRoute({ log, access: () => access, closing: () => closing })

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (handleMedia(request, response)) return
    if (handleAccessCheck(request, response)) return
    const path = (request.url ?? '/').split('?')[0]
    if (request.method === 'GET' && path === '/healthz') {
      response
        .writeHead(closing ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(health()))
      return
    }
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(
        'Chorus relay: connect with a WebSocket to /<courseId>?token=… (a team space: /team:<teamId>?token=…); media at /media/<courseId>/<sha256>; whether a token opens a room at /access/<room>?token=…; health at /healthz\n',
      )
  })

  const accept = (
    ws: WebSocket,
    wire: Duplex,
    address: string | undefined,
    admitted: Admitted,
    opened: Result<Room, Refusal>,
  ): void => {
    const id = nextId++
    if (admitted.protocol !== null && admitted.protocol !== PROTOCOL_VERSION) {
      const newer = admitted.protocol > PROTOCOL_VERSION
      ws.close(
        CloseCode.ProtocolMismatch,
        `relay speaks protocol ${PROTOCOL_VERSION}; ${newer ? 'update the relay' : 'update Chorus'}`,
      )
      log.warn(
        {
          event: 'connection-refused',
          conn: id,
          room: admitted.roomName,
          code: CloseCode.ProtocolMismatch,
          protocol: admitted.protocol,
        },
        'protocol mismatch',
      )
      return
    }
    const connection = attachConnection(env, { id, socket: ws, wire, address, opened, ...admitted })
    if (connection !== null) connections.add(connection)
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client may hang up while its token is checked; that must not crash the relay. A named function, not a
    // closure: a closure here would share this scope and keep the request alive as long as the socket.
    socket.on('error', destroySocket)
    if (closing) return refuseUpgrade(socket, 503, 'relay is shutting down')
    admit(request.url, access)
      .then(async (admitted) => {
        if (!admitted.ok) {
          log.warn(
            {
              event: 'upgrade-refused',
              status: admitted.error.status,
              reason: admitted.error.reason,
              ip: request.socket.remoteAddress,
            },
            'upgrade refused',
          )
          return refuseUpgrade(socket, admitted.error.status, admitted.error.reason)
        }
        // Loaded before the upgrade, so the room is ready when the client's first frame arrives.
        const opened = await rooms.open(admitted.value.roomName)
        if (closing) return refuseUpgrade(socket, 503, 'relay is shutting down')
        wss.handleUpgrade(request, socket, head, (ws) =>
          accept(ws, socket, request.socket.remoteAddress, admitted.value, opened),
        )
      })
      .catch((error: unknown) => {
        log.error({ event: 'internal-error', err: String(error) }, 'upgrade failed')
        refuseUpgrade(socket, 500, 'internal error')
      })
  })

  const stopHeartbeat = startHeartbeat(connections)

  return {
    health,

    async listen() {
      if (config.auth.mode === 'token' && revocations !== null)
        access = createAccess(
          revocations.guard(await createTokenVerifier(config.auth.secret)),
          stores.courseTeams,
          rooms,
          log,
        )
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(config.port, config.host, () => resolve())
      })
      const { address, port } = server.address() as AddressInfo
      return `ws://${address.includes(':') ? `[${address}]` : address}:${port}`
    },

    async close() {
      if (closing) return
      closing = true
      stopHeartbeat()
      revocations?.stop()
      const sockets = [...connections].map((c) => c.socket)
      for (const ws of sockets) ws.close(CloseCode.GoingAway, 'relay shutting down')
      const deadline = Date.now() + CLOSE_GRACE_MS
      while (connections.size > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20))
      for (const ws of sockets) ws.terminate()
      await rooms.closeAll()
      await fanout?.close()
      // Media requests still in flight end here, before the media store closes under them.
      server.closeAllConnections()
      await stores.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      log.info({ event: 'relay-closed' }, 'relay closed')
    },
  }
}
