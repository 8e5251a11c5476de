export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((x, y) => x - y)
  const middle = sorted.length / 2
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

/** What one relay process used in one scenario. */
export interface InstanceUsage {
  /** Relay CPU while the clients connected and synced, and while they edited (or joined, in the join scenario). */
  readonly cpuConnectSeconds: number
  readonly cpuSeconds: number
  /** Retained RSS (after a forced GC) before connecting and with every client connected. */
  readonly rssBaseBytes: number
  readonly rssConnectedBytes: number
  /** What its objects held (see servers.ts, `Retained`) at the same two moments. */
  readonly heldBaseBytes: number
  readonly heldConnectedBytes: number
  /** Highest RSS sampled every 100 ms, garbage included. */
  readonly rssPeakBytes: number
}

/** What one server — or several relay instances serving the same rooms — did in one scenario. */
export interface Measurement extends InstanceUsage {
  readonly connections: number
  readonly connectMs: readonly number[]
  /** From the first connection attempt until every client had synced. */
  readonly connectWallMs: number
  readonly delivered: number
  readonly expected: number
  /**
   * Update end-to-end latency between clients of the same relay instance, or for the join scenario the time from
   * connecting to holding the whole document.
   */
  readonly latencyMs: readonly number[]
  /** Update latency from a client of one relay instance to a client of another (none with a single server). */
  readonly crossLatencyMs: readonly number[]
  /** Each instance on its own; the usage fields above are their sums. */
  readonly instances: readonly InstanceUsage[]
}

/** The usage of several instances together: CPU and memory added up (peaks too, as if they coincided). */
export const totalUsage = (instances: readonly InstanceUsage[]): InstanceUsage => ({
  cpuConnectSeconds: instances.reduce((sum, i) => sum + i.cpuConnectSeconds, 0),
  cpuSeconds: instances.reduce((sum, i) => sum + i.cpuSeconds, 0),
  rssBaseBytes: instances.reduce((sum, i) => sum + i.rssBaseBytes, 0),
  rssConnectedBytes: instances.reduce((sum, i) => sum + i.rssConnectedBytes, 0),
  heldBaseBytes: instances.reduce((sum, i) => sum + i.heldBaseBytes, 0),
  heldConnectedBytes: instances.reduce((sum, i) => sum + i.heldConnectedBytes, 0),
  rssPeakBytes: instances.reduce((sum, i) => sum + i.rssPeakBytes, 0),
})

/** Retained RSS the clients added, per connection (their rooms included: every connection is in one). */
export const memoryPerConnection = (m: Measurement): number =>
  (m.rssConnectedBytes - m.rssBaseBytes) / m.connections

/** What the clients' objects added, per connection, as V8 counts it (see servers.ts, `Retained`). */
export const heldPerConnection = (m: Measurement): number =>
  (m.heldConnectedBytes - m.heldBaseBytes) / m.connections

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length

const averageUsage = (usages: readonly InstanceUsage[]): InstanceUsage => ({
  cpuConnectSeconds: mean(usages.map((u) => u.cpuConnectSeconds)),
  cpuSeconds: mean(usages.map((u) => u.cpuSeconds)),
  rssBaseBytes: mean(usages.map((u) => u.rssBaseBytes)),
  rssConnectedBytes: mean(usages.map((u) => u.rssConnectedBytes)),
  heldBaseBytes: mean(usages.map((u) => u.heldBaseBytes)),
  heldConnectedBytes: mean(usages.map((u) => u.heldConnectedBytes)),
  rssPeakBytes: Math.max(...usages.map((u) => u.rssPeakBytes)),
})

/** Pools the runs of one server in one scenario: samples are joined, counts added, resources averaged. */
export const combine = (runs: readonly Measurement[]): Measurement => {
  const [first] = runs
  if (first === undefined) throw new Error('no runs to combine')
  return {
    connections: first.connections,
    connectMs: runs.flatMap((r) => r.connectMs),
    connectWallMs: mean(runs.map((r) => r.connectWallMs)),
    delivered: runs.reduce((sum, r) => sum + r.delivered, 0),
    expected: runs.reduce((sum, r) => sum + r.expected, 0),
    latencyMs: runs.flatMap((r) => r.latencyMs),
    crossLatencyMs: runs.flatMap((r) => r.crossLatencyMs),
    ...averageUsage(runs),
    instances: first.instances.map((_, i) =>
      averageUsage(runs.map((r) => r.instances[i]).filter((u) => u !== undefined)),
    ),
  }
}
