/** What the benchmark coordinator and its client worker processes say to each other over IPC. */
export interface ClientSpec {
  readonly id: number
  readonly room: string
  readonly token: string
  /** Which of the connect request's `urls` (relay instances) the client connects to. */
  readonly instance: number
}

export interface WritePlan {
  readonly clientId: number
  readonly count: number
  readonly intervalMs: number
  readonly startDelayMs: number
}

export type Request =
  | { readonly op: 'connect'; readonly urls: readonly string[]; readonly clients: readonly ClientSpec[] }
  | { readonly op: 'write'; readonly plans: readonly WritePlan[] }
  | { readonly op: 'received' }
  | { readonly op: 'seed'; readonly url: string; readonly client: ClientSpec; readonly bytes: number }
  | { readonly op: 'join'; readonly url: string; readonly client: ClientSpec; readonly expectChars: number }
  | { readonly op: 'reset' }

export interface Reply {
  readonly connect: { readonly connectMs: number[] }
  readonly write: { readonly sent: number }
  /** Latencies of updates sent by a client of the receiver's own instance, and of another instance's. */
  readonly received: {
    readonly count: number
    readonly latenciesMs: number[]
    readonly crossLatenciesMs: number[]
  }
  readonly seed: { readonly chars: number }
  readonly join: { readonly ms: number; readonly complete: boolean }
  readonly reset: Record<string, never>
}

export type Envelope = { readonly id: number; readonly request: Request }
export type ReplyEnvelope =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string }
