import { kb, mb, ms, pad, typicalP99, type Verdict } from './report'
import type { UpdateScenario } from './scenarios'
import {
  combine,
  heldPerConnection,
  median,
  memoryPerConnection,
  percentile,
  type InstanceUsage,
  type Measurement,
} from './stats'

/** Issue 11's latency target: cross-instance p99 in (b) at most this many times the single instance's p99. */
export const CROSS_INSTANCE_P99_FACTOR = 2
/**
 * Memory per connection may exceed the single instance's by this factor. Two processes each carry their own
 * noise (a few hundred KB either way, see report.ts), and the figure divides their sum by the connections: without
 * an allowance a fair result would fail about half the time.
 */
export const MEMORY_ALLOWANCE = 1.1

/** The measurements of one scenario, round by round: one relay on SQLite, and the instances of a cluster. */
export interface ClusterRounds {
  readonly sqlite: Measurement[]
  readonly cluster: Measurement[]
}

const seconds = (n: number): string => n.toFixed(2)

/** Each instance's figure, "a + b" for a cluster. */
const perInstance = (m: Measurement, field: keyof InstanceUsage, format: (n: number) => string): string =>
  m.instances.map((usage) => format(usage[field])).join(' + ')

const roundP99s = (runs: readonly Measurement[], samples: (m: Measurement) => readonly number[]): string =>
  runs.map((m) => ms(percentile(samples(m), 99))).join(', ')

const same = (m: Measurement): readonly number[] => m.latencyMs
const cross = (m: Measurement): readonly number[] => m.crossLatencyMs

export const formatCluster = (scenario: UpdateScenario, rounds: ClusterRounds): string => {
  const [sqlite, cluster] = [combine(rounds.sqlite), combine(rounds.cluster)]
  const row = (name: string, a: string, b: string): string => pad([name, a, b])
  const both = (name: string, figure: (m: Measurement) => string): string =>
    row(name, figure(sqlite), figure(cluster))
  return [
    `\n(${scenario.key}) ${scenario.title} — ${sqlite.connections} connections`,
    row('', 'SQLite ×1', `cluster ×${cluster.instances.length}`),
    both('updates delivered', (m) => `${m.delivered}/${m.expected}`),
    both('same-instance p50 (ms)', (m) => ms(percentile(m.latencyMs, 50))),
    both('same-instance p99 (ms)', (m) => ms(percentile(m.latencyMs, 99))),
    row('  p99, median of rounds (ms)', ms(typicalP99(rounds.sqlite)), ms(typicalP99(rounds.cluster))),
    row('cross-instance p50 (ms)', '—', ms(percentile(cluster.crossLatencyMs, 50))),
    row('cross-instance p99 (ms)', '—', ms(percentile(cluster.crossLatencyMs, 99))),
    row('  p99, median of rounds (ms)', '—', ms(typicalCrossP99(rounds.cluster))),
    both('relay CPU, connecting (s)', (m) => perInstance(m, 'cpuConnectSeconds', seconds)),
    both('relay CPU, editing (s)', (m) => perInstance(m, 'cpuSeconds', seconds)),
    both('retained RSS idle (MB)', (m) => perInstance(m, 'rssBaseBytes', mb)),
    both('retained RSS connected (MB)', (m) => perInstance(m, 'rssConnectedBytes', mb)),
    both('relay RSS peak (MB)', (m) => perInstance(m, 'rssPeakBytes', mb)),
    both('retained RSS / connection (KB)', (m) => kb(memoryPerConnection(m))),
    both('held by objects idle (MB)', (m) => perInstance(m, 'heldBaseBytes', mb)),
    both('held by objects connected (MB)', (m) => perInstance(m, 'heldConnectedBytes', mb)),
    both('held by objects / connection (KB)', (m) => kb(heldPerConnection(m))),
    `p99 by round (ms): SQLite ${roundP99s(rounds.sqlite, same)}; cluster same-instance ` +
      `${roundP99s(rounds.cluster, same)}, cross-instance ${roundP99s(rounds.cluster, cross)}`,
  ].join('\n')
}

/** Like the main benchmark, a target is judged on the median over rounds of each round's own p99. */
const typicalCrossP99 = (runs: readonly Measurement[]): number =>
  median(runs.map((m) => percentile(m.crossLatencyMs, 99)))

export const judgeCluster = (scenario: UpdateScenario, rounds: ClusterRounds): Verdict[] => {
  const tag = `(${scenario.key})`
  const [sqlite, cluster] = [combine(rounds.sqlite), combine(rounds.cluster)]
  const sqliteHeld = heldPerConnection(sqlite)
  const clusterHeld = heldPerConnection(cluster)
  const verdicts: Verdict[] = [
    {
      pass: sqlite.delivered === sqlite.expected,
      line: `${tag} SQLite: every update delivered: ${sqlite.delivered}/${sqlite.expected}`,
    },
    {
      pass: cluster.delivered === cluster.expected,
      line: `${tag} cluster: every update delivered, across instances too: ${cluster.delivered}/${cluster.expected}`,
    },
  ]
  // (d) is the memory scenario: its idle rooms each live on one instance, as a room-affine proxy places them. In
  // (b) every room has a writer on the other instance, so both instances hold every room: memory is shown only.
  // Judged on what the connections' objects hold, not on RSS: RSS growth also counts what each process grows by once
  // as traffic starts (its young generation growing from a few hundred KB to 8 MB, about 1 MB of code compiled), which
  // two instances pay twice, and memory the allocators had mapped before (the SQLite relay's idle process has
  // ~20 MB more resident, which connections then reuse). Heap snapshots of both setups with every client connected
  // showed the same objects per connection; RSS is printed beside it.
  if (scenario.key === 'd')
    verdicts.push({
      pass: clusterHeld <= sqliteHeld * MEMORY_ALLOWANCE,
      line:
        `${tag} cluster memory per connection (both instances) no higher than one SQLite instance's, held by ` +
        `objects: ${kb(clusterHeld)} KB vs ${kb(sqliteHeld)} KB (retained RSS, not judged: ` +
        `${kb(memoryPerConnection(cluster))} KB vs ${kb(memoryPerConnection(sqlite))} KB)`,
    })
  if (scenario.key === 'b') {
    const crossP99 = typicalCrossP99(rounds.cluster)
    const sqliteP99 = typicalP99(rounds.sqlite)
    verdicts.push({
      pass: crossP99 <= sqliteP99 * CROSS_INSTANCE_P99_FACTOR,
      line: `${tag} cross-instance p99 ≤ ${CROSS_INSTANCE_P99_FACTOR}× the SQLite instance's: ${ms(crossP99)} ms vs ${ms(sqliteP99)} ms`,
    })
  }
  return verdicts
}
