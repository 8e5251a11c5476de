/**
 * `npm run bench:relay:idle`: memory per connection at 2,000 mostly idle connections, measured as an operator would
 * see it: our relay started exactly as `npm run relay` starts it (npm, then the relay's node process, no
 * MALLOC_ARENA_MAX), the reference through its bin script, 400 rooms × 5 stock y-websocket clients (a token each),
 * each client sending one small update per 10 s. The server's VmRSS is read before connecting, one second after the
 * last client synced ("connected") and every second of STEADY_MS of steady state, without forcing a collection:
 * that is what a host's memory graph shows, and where V8's young generation, grown to its full size by the traffic,
 * counts in full (`npm run bench:relay` collects garbage before each reading and does not see it). A second pass
 * starts both servers with a forced-GC hook (through NODE_OPTIONS, so npm still starts ours) and also reads RSS
 * after two collections. Linux only (reads /proc).
 *
 * Options: `--rounds N` (default 2), `--no-gc` or `--gc-only` (one pass), `--server ours|reference`, and
 * `--env KEY=VALUE` (repeatable) to try a setting on both servers, e.g. `--env MALLOC_ARENA_MAX=2`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { mintToken } from '../../../relay-server/src/auth'
import type { ClientSpec, WritePlan } from './messages'
import { freePort, readUsage, waitForHealth } from './servers'
import { startWorkers, type Worker } from './workers'
import { scratchDir } from '../../fixtures/scratch-dir'

const REPO = resolve(import.meta.dirname, '../../..')
const SECRET = 'benchmark-secret-benchmark-secret-benchmark'
const ROOMS = 400
const CLIENTS_PER_ROOM = 5
const CONNECTIONS = ROOMS * CLIENTS_PER_ROOM
const WORKERS = 4
const UPDATE_EVERY_MS = 10_000
const STEADY_MS = 60_000
/** Startup garbage and the first allocator trims settle within this; the baseline is read after it. */
const STARTUP_SETTLE_MS = 3_000
const SAMPLE_EVERY_MS = 1_000
const GC_ROUNDS = 2
const GC_SETTLE_MS = 400
const GC_HOOK = `--expose-gc --import=data:text/javascript,process.on('SIGUSR2',()=>globalThis.gc())`

type Kind = 'ours' | 'reference'

interface Server {
  readonly pid: number
  readonly url: string
  stop(): Promise<void>
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
const rssOf = (pid: number): number => readUsage(pid).rssBytes

/** The `--env KEY=VALUE` pairs; a NODE_OPTIONS given so is added to the GC hook's. */
const extraEnv = (): Record<string, string> => {
  const pairs: Record<string, string> = {}
  process.argv.forEach((arg, i) => {
    const pair = arg === '--env' ? process.argv[i + 1] : undefined
    const at = pair?.indexOf('=') ?? -1
    if (pair !== undefined && at > 0) pairs[pair.slice(0, at)] = pair.slice(at + 1)
  })
  return pairs
}

/** Environment as an operator's shell has it: none of the benchmark's allocator tuning. */
const operatorEnv = (gcHook: boolean, own: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...own }
  delete env.MALLOC_ARENA_MAX
  delete env.NODE_OPTIONS
  const extra = extraEnv()
  const nodeOptions = [gcHook ? GC_HOOK : '', extra.NODE_OPTIONS ?? ''].join(' ').trim()
  return { ...env, ...extra, ...(nodeOptions === '' ? {} : { NODE_OPTIONS: nodeOptions }) }
}

const childrenOf = (pid: number): number[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid
      } catch {
        return false
      }
    })
    .map(Number)

/**
 * The node process that runs the relay under npm: the deepest process whose arguments name the relay's entry point
 * (a launcher such as tsx's names it too, and starts the real one as its child).
 */
const relayProcess = (root: number): number => {
  const namesRelay = (pid: number): boolean =>
    readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .some((arg) => arg.endsWith('relay-server/src/cli/index.ts'))
  let found: number | null = null
  const queue = [root]
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    if (namesRelay(pid)) found = pid
    queue.push(...childrenOf(pid))
  }
  if (found === null) throw new Error(`no relay process under ${root}`)
  return found
}

const STOP_GRACE_MS = 10_000

/** SIGTERM to the server process; the launched process group is killed if it has not exited within STOP_GRACE_MS. */
const stopper = (child: ChildProcess, server: number) => {
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  return async (): Promise<void> => {
    process.kill(server, 'SIGTERM')
    const timer = setTimeout(
      () => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'),
      STOP_GRACE_MS,
    )
    await exited
    clearTimeout(timer)
  }
}

const startOurs = async (gcHook: boolean): Promise<Server> => {
  const port = await freePort()
  const dataDir = scratchDir('idle')
  const child = spawn('npm', ['run', '--silent', 'relay', '--', '--port', String(port), '--data', dataDir], {
    cwd: REPO,
    env: operatorEnv(gcHook, { CHORUS_RELAY_SECRET: SECRET }),
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  await waitForHealth(port, child)
  if (child.pid === undefined) throw new Error('npm has no pid')
  const pid = relayProcess(child.pid)
  // SIGTERM to the relay itself: npm does not reliably pass it on, and the relay's exit ends npm.
  return { pid, url: `ws://127.0.0.1:${port}`, stop: stopper(child, pid) }
}

const startReference = async (gcHook: boolean): Promise<Server> => {
  const port = await freePort()
  const child = spawn(process.execPath, ['node_modules/@y/websocket-server/src/server.js'], {
    cwd: REPO,
    env: operatorEnv(gcHook, { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: undefined }),
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  await waitForHealth(port, child)
  const pid = child.pid
  if (pid === undefined) throw new Error('reference has no pid')
  return { pid, url: `ws://127.0.0.1:${port}`, stop: stopper(child, pid) }
}

const collectedRss = async (pid: number): Promise<number> => {
  for (let round = 0; round < GC_ROUNDS; round++) {
    process.kill(pid, 'SIGUSR2')
    await sleep(GC_SETTLE_MS)
  }
  return rssOf(pid)
}

interface Result {
  readonly kind: Kind
  readonly baseBytes: number
  /** One second after the last client synced, before any update. */
  readonly connectedBytes: number
  readonly everyTenSeconds: readonly number[]
  readonly steadyBytes: number
  readonly collected: { readonly baseBytes: number; readonly steadyBytes: number } | null
}

const clientSpecs = async (workers: readonly Worker[]): Promise<ClientSpec[][]> => {
  const perWorker: ClientSpec[][] = workers.map(() => [])
  for (let room = 0; room < ROOMS; room++) {
    for (let client = 0; client < CLIENTS_PER_ROOM; client++) {
      const id = room * CLIENTS_PER_ROOM + client
      const roomName = `idle${room}`
      const token = await mintToken(SECRET, {
        user: `idle-${id}`,
        name: `client ${id}`,
        course: roomName,
        role: 'author',
        ttlSeconds: 3600,
      })
      perWorker[id % workers.length]?.push({ id, room: roomName, token, instance: 0 })
    }
  }
  return perWorker
}

/** One update per client every UPDATE_EVERY_MS, spread evenly, lasting through the steady state. */
const writePlans = (specs: readonly ClientSpec[]): WritePlan[] =>
  specs.map((spec) => ({
    clientId: spec.id,
    count: Math.ceil(STEADY_MS / UPDATE_EVERY_MS),
    intervalMs: UPDATE_EVERY_MS,
    startDelayMs: Math.round((spec.id / CONNECTIONS) * UPDATE_EVERY_MS),
  }))

const measure = async (
  kind: Kind,
  gcHook: boolean,
  workers: readonly Worker[],
  specs: readonly ClientSpec[][],
): Promise<Result> => {
  const server = await (kind === 'ours' ? startOurs(gcHook) : startReference(gcHook))
  try {
    await sleep(STARTUP_SETTLE_MS)
    const baseBytes = rssOf(server.pid)
    const collectedBase = gcHook ? await collectedRss(server.pid) : null
    await Promise.all(
      workers.map((worker, i) => worker.call({ op: 'connect', urls: [server.url], clients: specs[i] ?? [] })),
    )
    await sleep(SAMPLE_EVERY_MS)
    const connectedBytes = rssOf(server.pid)
    const writing = Promise.all(
      workers.map((worker, i) => worker.call({ op: 'write', plans: writePlans(specs[i] ?? []) })),
    )
    const samples: number[] = []
    const until = Date.now() + STEADY_MS
    while (Date.now() < until) {
      await sleep(SAMPLE_EVERY_MS)
      samples.push(rssOf(server.pid))
    }
    const steadyBytes = rssOf(server.pid)
    const collectedSteady = gcHook ? await collectedRss(server.pid) : null
    await writing
    await Promise.all(workers.map((worker) => worker.call({ op: 'reset' })))
    return {
      kind,
      baseBytes,
      connectedBytes,
      everyTenSeconds: samples.filter((_, i) => (i + 1) % 10 === 0),
      steadyBytes,
      collected:
        collectedBase === null || collectedSteady === null
          ? null
          : { baseBytes: collectedBase, steadyBytes: collectedSteady },
    }
  } finally {
    await server.stop()
  }
}

const kbPerConnection = (bytes: number): string => (bytes / 1024 / CONNECTIONS).toFixed(1)
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

const format = (r: Result): string => {
  const perConnection = (bytes: number): string => kbPerConnection(bytes - r.baseBytes)
  const plain =
    `${r.kind.padEnd(9)} RSS ${mb(r.baseBytes)} → ${mb(r.steadyBytes)} MB: ${perConnection(r.steadyBytes)} KB/conn ` +
    `(connected: ${perConnection(r.connectedBytes)}; every 10 s: ${r.everyTenSeconds.map(perConnection).join(' ')})`
  if (r.collected === null) return plain
  const { baseBytes, steadyBytes } = r.collected
  return `${plain}; after forced GC ${mb(baseBytes)} → ${mb(steadyBytes)} MB: ${kbPerConnection(steadyBytes - baseBytes)} KB/conn`
}

const optionValue = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}

const main = async (): Promise<void> => {
  if (process.platform !== 'linux') throw new Error('this benchmark reads /proc: Linux only')
  const rounds = optionValue('--rounds', 2)
  const serverAt = process.argv.indexOf('--server')
  const only = serverAt === -1 ? undefined : process.argv[serverAt + 1]
  const passes = process.argv.includes('--no-gc')
    ? [false]
    : process.argv.includes('--gc-only')
      ? [true]
      : [false, true]
  const extra = Object.entries(extraEnv()).map(([key, value]) => `${key}=${value}`)
  console.log(
    `Idle memory: ${ROOMS} rooms × ${CLIENTS_PER_ROOM} clients, one update per ${UPDATE_EVERY_MS / 1000} s each, ` +
      `RSS after ${STEADY_MS / 1000} s steady; Node ${process.version}; ${rounds} round(s)` +
      (extra.length > 0 ? `; both servers with ${extra.join(' ')}` : ''),
  )
  const workers = startWorkers(WORKERS)
  try {
    const specs = await clientSpecs(workers)
    for (const gcHook of passes) {
      console.log(
        gcHook ? '\nWith a forced-GC hook (NODE_OPTIONS):' : '\nAs started by an operator (no GC forced):',
      )
      for (let round = 0; round < rounds; round++) {
        const order: Kind[] = round % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours']
        for (const kind of order.filter((k) => only === undefined || k === only))
          console.log(format(await measure(kind, gcHook, workers, specs)))
      }
    }
  } finally {
    for (const worker of workers) worker.stop()
  }
}

main().catch((error: unknown) => {
  console.error('idle-memory benchmark error:', error)
  process.exit(1)
})
