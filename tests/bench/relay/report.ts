import type { Scenario } from './scenarios'
import { combine, median, memoryPerConnection, percentile, type Measurement } from './stats'

/**
 * Targets from issue 3: our p99 and memory per connection no worse than the reference's; 2,000 connections
 * within 300 MB. Two loopback runs on a shared 2-core machine differ by a little on their own, so "no worse"
 * allows the noise stated here — and the output prints the raw figures, so the margin is always visible.
 */
export const LATENCY_NOISE = { ratio: 1.1, ms: 0.5 }
export const MEMORY_NOISE_BYTES = 2 * 1024 * 1024
export const RSS_LIMIT_BYTES = 300 * 1024 * 1024

export interface Verdict {
  readonly pass: boolean
  readonly line: string
}

export const ms = (value: number): string =>
  Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '—'
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)
export const kb = (bytes: number): string => (bytes / 1024).toFixed(1)
const ratio = (ours: number, reference: number): string =>
  reference > 0 && Number.isFinite(ours / reference) ? (ours / reference).toFixed(2) : '—'
export const pad = (cells: readonly string[]): string =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(34) : cell.padStart(16))).join('')

/**
 * The memory a scenario is judged on. Per connection, from retained RSS, where there are connections to divide
 * by. The join scenario has one at a time, and its retained RSS moves with allocator timing by more than the
 * document weighs; there the RSS growth at peak, while the 1 MB document is served, is the comparable figure.
 */
const memoryName = (scenario: Scenario): string =>
  scenario.kind === 'join' ? 'RSS growth at peak (KB)' : 'retained RSS / connection (KB)'
const memoryFigure = (scenario: Scenario, m: Measurement): number =>
  scenario.kind === 'join' ? m.rssPeakBytes - m.rssBaseBytes : memoryPerConnection(m)

const latencyNameOf = (scenario: Scenario): string =>
  scenario.kind === 'join' ? 'join → full doc' : 'update latency'

export const formatScenario = (scenario: Scenario, rounds: Rounds): string => {
  const [ours, reference] = [combine(rounds.ours), combine(rounds.reference)]
  const latencyName = latencyNameOf(scenario)
  const rows: [string, number, number, (n: number) => string][] = [
    ['connect p50 (ms)', percentile(ours.connectMs, 50), percentile(reference.connectMs, 50), ms],
    ['connect p99 (ms)', percentile(ours.connectMs, 99), percentile(reference.connectMs, 99), ms],
    ['all connected + synced (ms)', ours.connectWallMs, reference.connectWallMs, ms],
    [`${latencyName} p50 (ms)`, percentile(ours.latencyMs, 50), percentile(reference.latencyMs, 50), ms],
    [`${latencyName} p99 (ms)`, percentile(ours.latencyMs, 99), percentile(reference.latencyMs, 99), ms],
    [`  p99, median of rounds (ms)`, typicalP99(rounds.ours), typicalP99(rounds.reference), ms],
    [
      scenario.kind === 'join' ? 'relay CPU, seeding (s)' : 'relay CPU, connecting (s)',
      ours.cpuConnectSeconds,
      reference.cpuConnectSeconds,
      (n) => n.toFixed(2),
    ],
    [
      scenario.kind === 'join' ? 'relay CPU, joins (s)' : 'relay CPU, editing (s)',
      ours.cpuSeconds,
      reference.cpuSeconds,
      (n) => n.toFixed(2),
    ],
    ['retained RSS idle (MB)', ours.rssBaseBytes, reference.rssBaseBytes, mb],
    ['retained RSS all connected (MB)', ours.rssConnectedBytes, reference.rssConnectedBytes, mb],
    ['relay RSS peak (MB)', ours.rssPeakBytes, reference.rssPeakBytes, mb],
    [memoryName(scenario), memoryFigure(scenario, ours), memoryFigure(scenario, reference), kb],
  ]
  const delivered = (m: Measurement): string => `${m.delivered}/${m.expected}`
  return [
    `\n(${scenario.key}) ${scenario.title} — ${ours.connections} connection(s)`,
    pad(['', 'ours', 'reference', 'ours/ref']),
    pad([
      scenario.kind === 'join' ? 'joins with full doc' : 'updates delivered',
      delivered(ours),
      delivered(reference),
      '',
    ]),
    ...rows.map(([name, o, r, format]) => pad([name, format(o), format(r), ratio(o, r)])),
  ].join('\n')
}

/** Each round's p99 on its own, so a reader sees how far one run moves it. */
export const formatRoundP99s = (scenario: Scenario, rounds: Rounds): string => {
  const p99s = (runs: readonly Measurement[]): string =>
    runs.map((m) => ms(percentile(m.latencyMs, 99))).join(', ')
  return `${latencyNameOf(scenario)} p99 by round (ms): ours ${p99s(rounds.ours)}; reference ${p99s(rounds.reference)}`
}

/** The measurements of one scenario, round by round. */
export interface Rounds {
  readonly ours: readonly Measurement[]
  readonly reference: readonly Measurement[]
}

/**
 * The p99 a target is judged on: each round's own p99, then the median over rounds. Pooling the rounds' samples
 * lets one disturbed round (a hiccup of the shared machine, which hits either server) decide the figure alone.
 */
export const typicalP99 = (runs: readonly Measurement[]): number =>
  median(runs.map((m) => percentile(m.latencyMs, 99)))

export const judge = (scenario: Scenario, rounds: Rounds): Verdict[] => {
  const tag = `(${scenario.key})`
  const [ours, reference] = [combine(rounds.ours), combine(rounds.reference)]
  const oursP99 = typicalP99(rounds.ours)
  const refP99 = typicalP99(rounds.reference)
  const latencyOk = oursP99 <= refP99 * LATENCY_NOISE.ratio || oursP99 - refP99 <= LATENCY_NOISE.ms
  const oursMem = memoryFigure(scenario, ours)
  const refMem = memoryFigure(scenario, reference)
  const memoryOk = oursMem <= refMem || (oursMem - refMem) * ours.connections <= MEMORY_NOISE_BYTES
  const verdicts: Verdict[] = [
    {
      pass: ours.delivered === ours.expected,
      line: `${tag} every update delivered: ${ours.delivered}/${ours.expected}`,
    },
    {
      pass: latencyOk,
      line: `${tag} p99 (median of rounds) no worse than reference: ${ms(oursP99)} ms vs ${ms(refP99)} ms`,
    },
    {
      pass: memoryOk,
      line: `${tag} ${scenario.kind === 'join' ? 'memory serving the document' : 'memory per connection'} no worse than reference: ${kb(oursMem)} KB vs ${kb(refMem)} KB`,
    },
  ]
  if (ours.connections >= 2000) {
    verdicts.push({
      pass: ours.rssPeakBytes <= RSS_LIMIT_BYTES,
      line: `${tag} ${ours.connections} connections within 300 MB RSS: peak ${mb(ours.rssPeakBytes)} MB`,
    })
  }
  return verdicts
}
