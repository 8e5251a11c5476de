/**
 * Every way the relay ends or refuses a connection, defined once.
 *
 * Close codes follow y-websocket's convention: 4400–4499 mirror HTTP 4xx — reconnecting cannot help, so a stock
 * `WebsocketProvider` stops retrying; 4500–4599 mean "try again later" and the provider retries with backoff.
 * 1009 is RFC 6455's own "message too big", sent by the socket layer before the frame is even read.
 */
export const CloseCode = {
  /** The relay is shutting down; reconnect later. */
  GoingAway: 1001,
  /** A frame exceeded the relay's maximum message size. */
  MessageTooBig: 1009,
  /** Random bytes, a truncated frame, trailing garbage, a text frame or an update Yjs cannot decode. */
  MalformedMessage: 4400,
  /** The token expired while connected; get a new invite. */
  TokenExpired: 4401,
  /**
   * A review-, history-, feedback- or team-room update changed something this token may not change (another
   * person's comment, another learner's feedback, another member's vote, a saved version, say).
   */
  ChangeNotAllowed: 4403,
  /** The token was revoked by the relay's operator; get a new invite. */
  TokenRevoked: 4410,
  /** A presence (awareness) state larger or nested deeper than the relay allows. */
  PresenceTooLarge: 4413,
  /** A message type (or sync step) the relay does not know. */
  UnknownMessageType: 4415,
  /** The client asked for a protocol version this relay does not speak. */
  ProtocolMismatch: 4426,
  /** This token already holds the most connections one token may have open to this room. */
  TooManyForToken: 4429,
  /** The relay failed unexpectedly while handling this connection's room. */
  InternalError: 4500,
  /** The room's stored document could not be loaded; the relay refuses rather than serve an empty document. */
  RoomUnavailable: 4503,
  /** The client did not read what the relay sent fast enough; reconnect and resync (nothing is lost). */
  SendBacklogFull: 4508,
  /** The room or the relay has reached its connection limit. */
  TooManyConnections: 4529,
  /** Too many connections from this client's network address; try again later. */
  TooManyForAddress: 4530,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/**
 * HTTP statuses of a refused upgrade. Sent before any document data; a browser sees them only as a failed
 * connection (close code 1006), as for an outage, so the app then asks the relay's access check (access-check.ts)
 * which it was, and stops retrying an upgrade refused for good.
 */
export const UpgradeStatus = {
  /** The path is not a valid room name. */
  BadRoom: 400,
  /** Token missing, malformed, expired or not signed with the relay's secret. */
  Unauthorized: 401,
  /** A valid token for another course. */
  Forbidden: 403,
} as const
export type UpgradeStatus = (typeof UpgradeStatus)[keyof typeof UpgradeStatus]

/**
 * Whether an upgrade refused with this HTTP status will be refused again whatever the client waits for: the room or
 * the token is wrong. A 503 (the relay is closing, a room cannot be read now) is worth retrying.
 */
export const isRefusedForGood = (status: number): boolean =>
  status === UpgradeStatus.BadRoom ||
  status === UpgradeStatus.Unauthorized ||
  status === UpgradeStatus.Forbidden

/** Whether a stock client should stop reconnecting; pass as the provider's `shouldReconnect` (negated). */
export const isPermanentClose = (code: number): boolean =>
  code === CloseCode.MessageTooBig || (code >= 4400 && code < 4500)

/**
 * What a person should do after the relay ended their connection for good (a permanent close code, or the HTTP
 * status of an upgrade refused for good, which never collide: close codes start at 1000): shown by the app, so it
 * says the cause in plain words and the next step. Their work stays saved on their device in every case.
 */
export const refusalAdvice = (code: number): string => {
  switch (code) {
    case UpgradeStatus.Unauthorized:
      return 'The relay does not accept your invite: it has expired, was revoked, or is for another relay. Ask whoever runs the relay for a new invite, then join with it.'
    case UpgradeStatus.Forbidden:
      return 'Your invite does not open this (it is for another course or team, or your role cannot open it, such as a team course not yet published). Ask whoever runs the relay or your team’s lead, then reopen it.'
    case UpgradeStatus.BadRoom:
      return 'The relay does not know this kind of address. Update Chorus (or ask for the relay to be updated).'
    case CloseCode.TokenExpired:
      return 'Your invite has expired. Ask whoever runs the relay for a new invite, then join with it.'
    case CloseCode.TokenRevoked:
      return 'Your access was revoked by whoever runs the relay. Ask them for a new invite if you still need it.'
    case CloseCode.ChangeNotAllowed:
      return 'The relay refused a change you may not make (such as someone else’s comment). Ask whoever runs the relay for an invite under your own user id.'
    case CloseCode.TooManyForToken:
      return 'This invite is open in too many windows at once. Close some of them, then reopen the course.'
    case CloseCode.PresenceTooLarge:
    case CloseCode.MalformedMessage:
    case CloseCode.UnknownMessageType:
    case CloseCode.MessageTooBig:
      return 'The relay could not accept what this app sent. Update Chorus, then reopen the course.'
    case CloseCode.ProtocolMismatch:
      return 'This app and the relay speak different versions. Update Chorus (or ask for the relay to be updated).'
    default:
      return `The relay refused the connection (code ${code}). Reopen the course; if it happens again, tell whoever runs the relay.`
  }
}
