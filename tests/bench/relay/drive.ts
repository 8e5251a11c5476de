import type { ClientSpec } from './messages'
import type { JoinScenario, Scenario, UpdateScenario } from './scenarios'
import type { BenchServer, Retained } from './servers'
import { totalUsage, type InstanceUsage, type Measurement } from './stats'
import type { Worker } from './workers'

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
const DELIVERY_TIMEOUT_MS = 20_000
/** Lets the relay settle (allocations, GC) before its memory is read. */
const SETTLE_MS = 500

/** A token for one client of a room: each client has its own, as real users do (the relay caps connections per token). */
export type TokenFor = (room: string, client: number) => Promise<string>

/** Retained memory (after forced GCs), and a CPU clock that leaves out the CPU those forced GCs cost. */
const meter = (server: BenchServer) => {
  let gcSeconds = 0
  return {
    cpu: () => server.usage().cpuSeconds - gcSeconds,
    retained: async (): Promise<Retained> => {
      const before = server.usage().cpuSeconds
      const retained = await server.retained()
      gcSeconds += server.usage().cpuSeconds - before
      return retained
    },
  }
}

/** Samples the server's RSS while a scenario runs, keeping the peak. */
const peakSampler = (server: BenchServer): { stop(): number } => {
  let peak = server.usage().rssBytes
  const timer = setInterval(() => (peak = Math.max(peak, server.usage().rssBytes)), 100)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, server.usage().rssBytes)
    },
  }
}

const roomName = (scenario: string, room: number): string => `bench${scenario}${room}`

/** Counts one instance's CPU and memory from just before its clients connect until they have received everything. */
const watch = async (server: BenchServer) => {
  const clock = meter(server)
  const base = await clock.retained()
  const cpuStart = clock.cpu()
  const sampler = peakSampler(server)
  let cpuConnected = cpuStart
  let connected = base
  let cpuEditing = cpuStart
  return {
    /** Call once the clients are connected (and the relay settled), before they edit. */
    connected: async (): Promise<void> => {
      cpuConnected = clock.cpu()
      connected = await clock.retained()
      cpuEditing = clock.cpu()
    },
    finish: (): InstanceUsage => ({
      cpuConnectSeconds: cpuConnected - cpuStart,
      cpuSeconds: clock.cpu() - cpuEditing,
      rssBaseBytes: base.rssBytes,
      rssConnectedBytes: connected.rssBytes,
      heldBaseBytes: base.heldBytes,
      heldConnectedBytes: connected.heldBytes,
      rssPeakBytes: sampler.stop(),
    }),
  }
}

/**
 * Which instance a client connects to. A room lives on one instance, as the documented nginx config (hash of
 * the course's path) places it, except its first writer, who is on the next instance: so each writing room has
 * receivers on the writer's instance and on another, and both latencies are measured, while rooms nobody writes
 * to stay on one instance each.
 */
const instanceFor = (scenario: UpdateScenario, room: number, client: number, instances: number): number => {
  const home = room % instances
  const firstWriter = Array.from({ length: scenario.clientsPerRoom }, (_, c) => c).find(
    (c) => scenario.writes(room, c) !== null,
  )
  return client === firstWriter ? (home + 1) % instances : home
}

/** Runs an update scenario against one relay or several instances serving the same rooms (see `instanceFor`). */
export const runUpdates = async (
  scenario: UpdateScenario,
  servers: readonly BenchServer[],
  workers: readonly Worker[],
  tokenFor: TokenFor,
): Promise<Measurement> => {
  const perWorker: ClientSpec[][] = workers.map(() => [])
  const plans: {
    worker: number
    clientId: number
    count: number
    intervalMs: number
    startDelayMs: number
  }[] = []
  let expected = 0
  for (let room = 0; room < scenario.rooms; room++) {
    const name = roomName(scenario.key, room)
    for (let client = 0; client < scenario.clientsPerRoom; client++) {
      const id = room * scenario.clientsPerRoom + client
      const worker = id % workers.length
      const instance = instanceFor(scenario, room, client, servers.length)
      perWorker[worker]?.push({ id, room: name, token: await tokenFor(name, client), instance })
      const shape = scenario.writes(room, client)
      if (shape === null) continue
      plans.push({ worker, clientId: id, ...shape })
      expected += shape.count * (scenario.clientsPerRoom - 1)
    }
  }

  const watches = await Promise.all(servers.map(watch))
  const urls = servers.map((server) => server.url)
  const connectStarted = performance.now()
  const connected = await Promise.all(
    workers.map((worker, i) => worker.call({ op: 'connect', urls, clients: perWorker[i] ?? [] })),
  )
  const connectWallMs = performance.now() - connectStarted
  await sleep(SETTLE_MS)
  await Promise.all(watches.map((w) => w.connected()))

  await Promise.all(
    workers.map((worker, i) =>
      worker.call({ op: 'write', plans: plans.filter((plan) => plan.worker === i) }),
    ),
  )
  const latencyMs: number[] = []
  const crossLatencyMs: number[] = []
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS
  const collect = async (): Promise<number> => {
    await sleep(100)
    const counts = await Promise.all(workers.map((worker) => worker.call({ op: 'received' })))
    for (const c of counts) {
      latencyMs.push(...c.latenciesMs)
      crossLatencyMs.push(...c.crossLatenciesMs)
    }
    return counts.reduce((sum, c) => sum + c.count, 0)
  }
  let delivered = await collect()
  while (delivered < expected && Date.now() < deadline) delivered = await collect()

  const instances = watches.map((w) => w.finish())
  await Promise.all(workers.map((worker) => worker.call({ op: 'reset' })))
  return {
    connections: scenario.rooms * scenario.clientsPerRoom,
    connectMs: connected.flatMap((reply) => reply.connectMs),
    connectWallMs,
    delivered,
    expected,
    latencyMs,
    crossLatencyMs,
    ...totalUsage(instances),
    instances,
  }
}

export const runJoin = async (
  scenario: JoinScenario,
  server: BenchServer,
  workers: readonly Worker[],
  tokenFor: TokenFor,
): Promise<Measurement> => {
  const [seeder, ...rest] = workers
  if (seeder === undefined) throw new Error('no workers')
  const joiners = rest.length > 0 ? rest : [seeder]
  const room = roomName(scenario.key, 0)
  const token = await tokenFor(room, 0)
  const clock = meter(server)
  const base = await clock.retained()
  const cpuStart = clock.cpu()
  const sampler = peakSampler(server)
  const connectStarted = performance.now()
  const { chars } = await seeder.call({
    op: 'seed',
    url: server.url,
    client: { id: 0, room, token, instance: 0 },
    bytes: scenario.docBytes,
  })
  // The seed is relayed asynchronously; wait until a newcomer gets all of it before timing joins.
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS
  while (
    !(
      await seeder.call({
        op: 'join',
        url: server.url,
        client: { id: -1, room, token, instance: 0 },
        expectChars: chars,
      })
    ).complete
  ) {
    if (Date.now() > deadline) throw new Error(`${server.kind}: the 1 MB document never reached a new client`)
    await sleep(100)
  }
  const connectWallMs = performance.now() - connectStarted
  await sleep(SETTLE_MS)
  const cpuSeeded = clock.cpu()
  const seeded = await clock.retained()
  const cpuJoining = clock.cpu()

  const latencyMs: number[] = []
  let delivered = 0
  for (let i = 0; i < scenario.joins; i++) {
    const worker = joiners[i % joiners.length] ?? seeder
    const result = await worker.call({
      op: 'join',
      url: server.url,
      client: { id: -2 - i, room, token: await tokenFor(room, i + 1), instance: 0 },
      expectChars: chars,
    })
    latencyMs.push(result.ms)
    if (result.complete) delivered++
  }
  const usage: InstanceUsage = {
    cpuConnectSeconds: cpuSeeded - cpuStart,
    cpuSeconds: clock.cpu() - cpuJoining,
    rssBaseBytes: base.rssBytes,
    rssConnectedBytes: seeded.rssBytes,
    heldBaseBytes: base.heldBytes,
    heldConnectedBytes: seeded.heldBytes,
    rssPeakBytes: sampler.stop(),
  }
  await Promise.all(workers.map((worker) => worker.call({ op: 'reset' })))
  return {
    connections: 1,
    connectMs: latencyMs,
    connectWallMs,
    delivered,
    expected: scenario.joins,
    latencyMs,
    crossLatencyMs: [],
    ...usage,
    instances: [usage],
  }
}

export const drive = (
  scenario: Scenario,
  server: BenchServer,
  workers: readonly Worker[],
  tokenFor: TokenFor,
): Promise<Measurement> => {
  switch (scenario.kind) {
    case 'updates':
      return runUpdates(scenario, [server], workers, tokenFor)
    case 'join':
      return runJoin(scenario, server, workers, tokenFor)
  }
}
