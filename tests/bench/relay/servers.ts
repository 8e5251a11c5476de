import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { scratchDir } from '../../fixtures/scratch-dir'

const REPO = resolve(import.meta.dirname, '../../..')
/** Linux reports CPU time in clock ticks; 100 per second on every mainstream kernel build. */
const TICKS_PER_SECOND = 100

export type ServerKind = 'ours' | 'reference'

/** What a server holds at rest, read after forced garbage collections. */
export interface Retained {
  readonly rssBytes: number
  /**
   * What its objects hold, as V8 counts it: heap in use outside compiled code, plus memory of buffers outside the
   * heap. Leaves out what a process grows by once, whatever it serves (its young generation growing to its cap, code
   * compiled as paths warm up), and what its allocators keep mapped but free.
   */
  readonly heldBytes: number
}

export interface BenchServer {
  readonly kind: ServerKind
  readonly url: string
  readonly pid: number
  /** CPU seconds used so far and resident memory now, from /proc. */
  usage(): { cpuSeconds: number; rssBytes: number }
  /** Memory after full garbage collections: what the server keeps, not what it has yet to collect. */
  retained(): Promise<Retained>
  stop(): Promise<void>
}

/**
 * Both servers run with this: SIGUSR2 makes them collect garbage, so memory is compared at rest, and write what V8
 * counts (see `Retained`) to the file in CHORUS_BENCH_HELD_FILE. Without collecting, the figure depends on where each
 * heap happens to be in its GC cycle, which swung per-connection results 2× either way.
 */
const GC_ON_SIGNAL = [
  '--expose-gc',
  '--import',
  'data:text/javascript,' +
    encodeURIComponent(`
      import { writeFileSync } from 'node:fs'
      import v8 from 'node:v8'
      process.on('SIGUSR2', () => {
        globalThis.gc()
        const code = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'code_space')
        const { heapUsed, external } = process.memoryUsage()
        const held = heapUsed - (code?.space_used_size ?? 0) + external
        writeFileSync(process.env.CHORUS_BENCH_HELD_FILE, String(held))
      })`),
]
/** Two collections, each given time for V8 to hand freed pages back: one often left them mapped. */
const GC_ROUNDS = 2
const STARTUP_SETTLE_MS = 1500
const GC_SETTLE_MS = 400

/**
 * Both servers run with glibc limited to two malloc arenas, the setting the README recommends for the relay.
 * glibc otherwise gives each thread its own arena and keeps what it frees; our relay has threads the reference
 * lacks (the WAL checkpointer, WebCrypto's thread pool), which left several MB resident that its heap never held.
 */
export const MALLOC_ARENA_MAX = '2'

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address !== null ? done(address.port) : fail(new Error('no port')),
      )
    })
  })

export const readUsage = (pid: number): { cpuSeconds: number; rssBytes: number } => {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the whole line.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
  const rssKb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return { cpuSeconds, rssBytes: Number(rssKb) * 1024 }
}

export const waitForHealth = async (port: number, child: ChildProcess): Promise<void> => {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`)
      return
    } catch {
      await new Promise((done) => setTimeout(done, 50))
    }
  }
  throw new Error('server did not start within 20 s')
}

const launch = async (
  kind: ServerKind,
  command: readonly string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<BenchServer> => {
  const heldFile = join(scratchDir('bench-held'), 'held')
  const child = spawn(process.execPath, command, {
    cwd: REPO,
    env: { ...process.env, MALLOC_ARENA_MAX, CHORUS_BENCH_HELD_FILE: heldFile, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  await waitForHealth(port, child)
  // Startup leaves garbage and pages the allocators hand back only after a while; let that pass before measuring.
  await new Promise((done) => setTimeout(done, STARTUP_SETTLE_MS))
  const pid = child.pid
  if (pid === undefined) throw new Error(`${kind} server has no pid`)
  return {
    kind,
    url: `ws://127.0.0.1:${port}`,
    pid,
    usage: () => readUsage(pid),
    retained: async () => {
      for (let round = 0; round < GC_ROUNDS; round++) {
        process.kill(pid, 'SIGUSR2')
        await new Promise((done) => setTimeout(done, GC_SETTLE_MS))
      }
      return { rssBytes: readUsage(pid).rssBytes, heldBytes: Number(readFileSync(heldFile, 'utf8')) }
    },
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** The node arguments of package.json's `relay` script (`node <flags> --import tsx <entry>`), so both start alike. */
const relayScriptArgs = (): string[] => {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    scripts: { relay: string }
  }
  const [command, ...args] = manifest.scripts.relay.split(/\s+/)
  if (command !== 'node')
    throw new Error(`package.json's relay script no longer starts with node: ${command}`)
  return args
}

/**
 * Our relay as `npm run relay` runs it: tokens checked, every update stored before it is relayed — in SQLite, or
 * where `args` say (`--postgres URL --redis URL` for an instance of a cluster).
 */
export const startOurs = async (secret: string, args: readonly string[] = []): Promise<BenchServer> => {
  const port = await freePort()
  const dataDir = scratchDir('bench')
  return launch(
    'ours',
    [...GC_ON_SIGNAL, ...relayScriptArgs(), '--port', String(port), '--data', dataDir, ...args],
    { CHORUS_RELAY_SECRET: secret },
    port,
  )
}

/** @y/websocket-server 0.1.1 through its own bin script; it stores nothing without YPERSISTENCE and ignores tokens. */
export const startReference = async (): Promise<BenchServer> => {
  const port = await freePort()
  return launch(
    'reference',
    [...GC_ON_SIGNAL, 'node_modules/@y/websocket-server/src/server.js'],
    { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: undefined },
    port,
  )
}
