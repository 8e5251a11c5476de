/** The benchmark's workloads, from issue 3 item 13. Deterministic: no randomness, so runs compare. */
export interface WriteShape {
  readonly count: number
  readonly intervalMs: number
  readonly startDelayMs: number
}

export interface UpdateScenario {
  readonly kind: 'updates'
  readonly key: string
  readonly title: string
  readonly rooms: number
  readonly clientsPerRoom: number
  /** What client `client` of room `room` writes; null for a client that only listens. */
  readonly writes: (room: number, client: number) => WriteShape | null
}

export interface JoinScenario {
  readonly kind: 'join'
  readonly key: string
  readonly title: string
  readonly docBytes: number
  readonly joins: number
}

export type Scenario = UpdateScenario | JoinScenario

export const SCENARIOS: readonly Scenario[] = [
  {
    kind: 'updates',
    key: 'a',
    title: '1 room × 2 clients, both typing (250 updates each, 10 ms apart)',
    rooms: 1,
    clientsPerRoom: 2,
    writes: (_room, client) => ({ count: 250, intervalMs: 10, startDelayMs: client * 5 }),
  },
  {
    kind: 'updates',
    key: 'b',
    title: '100 rooms × 5 clients, everyone editing (4 updates each, 1 s apart)',
    rooms: 100,
    clientsPerRoom: 5,
    writes: (room, client) => ({
      count: 4,
      intervalMs: 1000,
      startDelayMs: ((room * 5 + client) * 7) % 1000,
    }),
  },
  {
    kind: 'updates',
    key: 'c',
    title: '1 room × 200 clients, 10 of them editing (10 updates each, 500 ms apart)',
    rooms: 1,
    clientsPerRoom: 200,
    writes: (_room, client) =>
      client < 10 ? { count: 10, intervalMs: 500, startDelayMs: client * 50 } : null,
  },
  {
    kind: 'updates',
    key: 'd',
    title:
      '2,000 connections (400 rooms × 5), mostly idle: 40 rooms with one editor (5 updates, 500 ms apart)',
    rooms: 400,
    clientsPerRoom: 5,
    writes: (room, client) =>
      room < 40 && client === 0 ? { count: 5, intervalMs: 500, startDelayMs: room * 12 } : null,
  },
  {
    kind: 'join',
    key: 'e',
    title: 'a new client joins a room holding a 1 MB document (100 joins, one after another)',
    docBytes: 1_000_000,
    joins: 100,
  },
]

/**
 * Run once against each server before measuring, unreported. Without it, whichever server is measured first
 * pays for the client processes' JIT warm-up: in one room of 200 that doubled its p99.
 */
export const WARM_UP: UpdateScenario = {
  kind: 'updates',
  key: 'warmup',
  title: 'warm-up',
  rooms: 2,
  clientsPerRoom: 100,
  writes: (_room, client) => (client < 5 ? { count: 10, intervalMs: 50, startDelayMs: client * 10 } : null),
}
