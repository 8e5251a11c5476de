/**
 * The relay speaks the standard y-websocket protocol, so a stock `WebsocketProvider` connects unchanged.
 * The numbers below are the wire format shared with y-websocket and y-protocols: never change them.
 *
 * Connect to `ws(s)://HOST:PORT/<room>?token=<jwt>` (see rooms.ts for room names). A client may add
 * `protocol=<n>`; a relay that does not speak version n closes with `CloseCode.ProtocolMismatch`.
 */
export const PROTOCOL_VERSION = 1

/** Query parameters of the connection URL. */
export const TOKEN_PARAM = 'token'
export const PROTOCOL_PARAM = 'protocol'

/** First varUint of every frame. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Second varUint of a sync frame. */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep]

/** A frame a client may send, decoded. Byte arrays are views into the received frame. */
export type ClientMessage =
  | { readonly kind: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'sync-step2'; readonly update: Uint8Array }
  | { readonly kind: 'sync-update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'query-awareness' }

/** Why a frame could not be decoded; each maps to one close code. */
export type DecodeFailure =
  | { readonly kind: 'malformed'; readonly detail: string }
  | { readonly kind: 'unknown-type'; readonly detail: string }

/** A Yjs v1 update that changes nothing: no structs, no deletions. Clients send it as sync step 2 when they have nothing new. */
export const isEmptyUpdate = (update: Uint8Array): boolean =>
  update.length === 2 && update[0] === 0 && update[1] === 0
