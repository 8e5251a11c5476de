/**
 * `npm run bench:relay -- --cluster`: scenarios (b) and (d) against two relay instances sharing PostgreSQL and Redis
 * (`--postgres URL --redis URL`, throwaway servers from tests/integration/real-servers.ts) and against one instance
 * on SQLite, in one run, with the same clients. A room's clients are dealt round the two instances, so every update
 * reaches receivers on the sender's instance and on the other: both latencies are measured. Each round starts fresh
 * relays on a fresh database and an emptied Redis, in alternating order, like the main benchmark's rounds.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { startPostgres, startRedis, type RealServer } from '../../integration/real-servers'
import { formatCluster, judgeCluster, MEMORY_ALLOWANCE, type ClusterRounds } from './cluster-report'
import { runUpdates, type TokenFor } from './drive'
import { SCENARIOS, WARM_UP, type UpdateScenario } from './scenarios'
import { startOurs, type BenchServer } from './servers'
import type { Verdict } from './report'
import type { Worker } from './workers'

const run = promisify(execFile)
const CLUSTER_SCENARIOS = ['b', 'd']
const INSTANCES = 2

export interface ClusterRun {
  readonly workers: readonly Worker[]
  readonly rounds: number
  readonly secret: string
  readonly tokenFor: TokenFor
}

/** A new, empty database on the throwaway server for each round, so no round starts with another's rooms. */
const freshDatabase = async (postgres: RealServer, name: string): Promise<string> => {
  await run('createdb', ['-h', '127.0.0.1', '-p', String(postgres.port), '-U', 'chorus', name])
  return postgres.url.replace(/\/[^/]*$/, `/${name}`)
}

const emptyRedis = async (redis: RealServer): Promise<void> => {
  await run('redis-cli', ['-p', String(redis.port), 'flushall'])
}

interface Setups {
  readonly sqlite: BenchServer
  readonly cluster: readonly BenchServer[]
}

const startSetups = async (
  secret: string,
  postgres: RealServer,
  redis: RealServer,
  database: string,
): Promise<Setups> => {
  const [postgresUrl] = await Promise.all([freshDatabase(postgres, database), emptyRedis(redis)])
  const shared = ['--postgres', postgresUrl, '--redis', redis.url]
  // The first instance creates the schema; the others then find it (the relay takes a lock for it anyway).
  const first = await startOurs(secret, shared)
  const [sqlite, ...rest] = await Promise.all([
    startOurs(secret),
    ...Array.from({ length: INSTANCES - 1 }, () => startOurs(secret, shared)),
  ])
  if (sqlite === undefined) throw new Error('the SQLite relay did not start')
  return { sqlite, cluster: [first, ...rest] }
}

const stopSetups = async ({ sqlite, cluster }: Setups): Promise<void> => {
  await Promise.all([sqlite, ...cluster].map((server) => server.stop()))
}

const clusterScenarios = (): UpdateScenario[] =>
  SCENARIOS.filter((s): s is UpdateScenario => s.kind === 'updates' && CLUSTER_SCENARIOS.includes(s.key))

export const runCluster = async ({ workers, rounds, secret, tokenFor }: ClusterRun): Promise<Verdict[]> => {
  console.log(
    `Cluster: ${INSTANCES} relay instances on PostgreSQL + Redis vs 1 on SQLite; scenarios ` +
      `${CLUSTER_SCENARIOS.join(', ')}; ${rounds} rounds each`,
  )
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const verdicts: Verdict[] = []
  let databases = 0
  try {
    const warm = await startSetups(secret, postgres, redis, `bench_${databases++}`)
    try {
      await runUpdates(WARM_UP, [warm.sqlite], workers, tokenFor)
      await runUpdates(WARM_UP, warm.cluster, workers, tokenFor)
    } finally {
      await stopSetups(warm)
    }
    for (const [index, scenario] of clusterScenarios().entries()) {
      const runs: ClusterRounds = { sqlite: [], cluster: [] }
      for (let round = 0; round < rounds; round++) {
        const setups = await startSetups(secret, postgres, redis, `bench_${databases++}`)
        try {
          const sqliteFirst = (index + round) % 2 === 0
          for (const setup of sqliteFirst ? ['sqlite', 'cluster'] : ['cluster', 'sqlite'])
            if (setup === 'sqlite')
              runs.sqlite.push(await runUpdates(scenario, [setups.sqlite], workers, tokenFor))
            else runs.cluster.push(await runUpdates(scenario, setups.cluster, workers, tokenFor))
        } finally {
          await stopSetups(setups)
        }
      }
      console.log(formatCluster(scenario, runs))
      verdicts.push(...judgeCluster(scenario, runs))
    }
  } finally {
    await Promise.all([postgres.dispose(), redis.dispose()])
  }
  console.log(
    `\nCluster targets (memory allowance: ×${MEMORY_ALLOWANCE} the single instance's per connection; ` +
      'latency: none beyond the target itself):',
  )
  return verdicts
}
