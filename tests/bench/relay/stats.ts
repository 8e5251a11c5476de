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

/** What one server did in one scenario. */
export interface Measurement {
  readonly connections: number
  readonly connectMs: readonly number[]
  /** From the first connection attempt until every client had synced. */
  readonly connectWallMs: number
  readonly delivered: number
  readonly expected: number
  /** Update end-to-end latency, or for the join scenario the time from connecting to holding the whole document. */
  readonly latencyMs: readonly number[]
  /** Relay CPU while the clients connected and synced, and while they edited (or joined, in the join scenario). */
  readonly cpuConnectSeconds: number
  readonly cpuSeconds: number
  /** Retained RSS (after a forced GC) before connecting and with every client connected. */
  readonly rssBaseBytes: number
  readonly rssConnectedBytes: number
  /** Highest RSS sampled every 100 ms, garbage included. */
  readonly rssPeakBytes: number
}

/** Retained RSS the clients added, per connection (their rooms included: every connection is in one). */
export const memoryPerConnection = (m: Measurement): number =>
  (m.rssConnectedBytes - m.rssBaseBytes) / m.connections

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length

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
    cpuConnectSeconds: mean(runs.map((r) => r.cpuConnectSeconds)),
    cpuSeconds: mean(runs.map((r) => r.cpuSeconds)),
    rssBaseBytes: mean(runs.map((r) => r.rssBaseBytes)),
    rssConnectedBytes: mean(runs.map((r) => r.rssConnectedBytes)),
    rssPeakBytes: Math.max(...runs.map((r) => r.rssPeakBytes)),
  }
}
