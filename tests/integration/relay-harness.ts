/**
 * Shared pieces of the relay integration tests: the real relay — the bundle an operator ships,
 * relay-server/dist/chorus-relay.mjs, built by relay-bundle-setup.ts — as a child process on a free loopback port,
 * stock y-websocket clients, raw sockets for hostile input, and tokens signed with the test secret.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import Database from 'better-sqlite3'
import { mintToken } from '../../relay-server/src/auth'
import { DATABASE_FILE } from '../../relay-server/src/store/sqlite'
import type { Role } from '../../shared/protocol/token'
import { scratchDir } from '../fixtures/scratch-dir'

export const REPO = resolve(import.meta.dirname, '../..')
export const SECRET = 'integration-test-secret-that-is-long-enough-0123'
/** relay-server/package.json's version, which the bundle reports on /healthz. */
export const RELAY_VERSION = (
  JSON.parse(readFileSync(join(REPO, 'relay-server/package.json'), 'utf8')) as { version: string }
).version
/** The built relay (`npm run relay:build`), not its TypeScript sources. */
export const BUNDLE = join(REPO, 'relay-server/dist/chorus-relay.mjs')

export interface LogLine {
  readonly event?: string
  readonly [key: string]: unknown
}

export interface RelayProcess {
  readonly url: string
  readonly port: number
  readonly dataDir: string
  /** The relay's process id, e.g. for `rssBytes`. */
  readonly pid: number
  readonly logs: LogLine[]
  readonly exited: Promise<number | null>
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>
  /** SIGTERM; resolves to the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL: no chance to flush anything. */
  kill(): Promise<void>
}

const running = new Set<ChildProcess>()

export const tempDir = (): string => scratchDir('relay-test')

/** Runs the CLI as an operator would (`node dist/chorus-relay.mjs …`); resolves with its output once it exits. */
export const runCli = (
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((done) => {
    const child = spawn(process.execPath, [BUNDLE, ...args], {
      cwd: REPO,
      env: { ...process.env, CHORUS_RELAY_SECRET: undefined, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => done({ code, stdout, stderr }))
  })

export const startRelay = async (
  options: {
    dataDir?: string
    port?: number
    args?: readonly string[]
    env?: Record<string, string>
    /** Another copy of the bundle (e.g. a deployed one), run from its own directory. */
    bundle?: string
  } = {},
): Promise<RelayProcess> => {
  const dataDir = options.dataDir ?? tempDir()
  const bundle = options.bundle ?? BUNDLE
  if (!existsSync(bundle))
    throw new Error(`${bundle} is missing: \`npm run relay:build\` failed or never ran`)
  const args = [
    bundle,
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--data',
    dataDir,
    ...(options.args ?? []),
  ]
  const child = spawn(process.execPath, args, {
    cwd: options.bundle === undefined ? REPO : dirname(dirname(bundle)),
    env: { ...process.env, CHORUS_RELAY_SECRET: SECRET, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  const exited = new Promise<number | null>((done) =>
    child.on('exit', (code) => (running.delete(child), done(code))),
  )
  const logs: LogLine[] = []
  const waiters = new Set<() => void>()
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  createInterface({ input: child.stdout }).on('line', (text) => {
    try {
      logs.push(JSON.parse(text) as LogLine)
    } catch {
      logs.push({ event: 'non-json', text })
    }
    for (const wake of waiters) wake()
  })

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> =>
    new Promise((done, fail) => {
      const check = (): boolean => {
        const found = logs.find(match)
        if (found === undefined) return false
        clearTimeout(timer)
        waiters.delete(wake)
        done(found)
        return true
      }
      const wake = (): void => void check()
      const timer = setTimeout(
        () => (
          waiters.delete(wake),
          fail(new Error(`log line not seen in ${timeoutMs} ms; stderr: ${stderr}`))
        ),
        timeoutMs,
      )
      if (!check()) waiters.add(wake)
    })

  const listening = await Promise.race([
    waitForLog((line) => line.event === 'listening', 20_000),
    exited.then((code) => Promise.reject(new Error(`relay exited with ${code}: ${stderr}`))),
  ])
  const url = String(listening.url)
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    pid: child.pid ?? -1,
    logs,
    exited,
    waitForLog,
    stop: () => (child.kill('SIGTERM'), exited),
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** A process's resident memory (VmRSS in /proc, Linux only). */
export const rssBytes = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (match === null) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) * 1024
}

/** Kills every relay a test left running; call from afterEach. */
export const killRelays = async (): Promise<void> => {
  await Promise.all(
    [...running].map((child) => new Promise((done) => (child.once('exit', done), child.kill('SIGKILL')))),
  )
}

export const tokenFor = (
  course: string,
  role: Role,
  options: { secret?: string; user?: string; name?: string; ttlSeconds?: number; nowSeconds?: number } = {},
): Promise<string> =>
  mintToken(
    options.secret ?? SECRET,
    {
      user: options.user ?? `${role}-user`,
      name: options.name ?? `${role} tester`,
      course,
      role,
      ttlSeconds: options.ttlSeconds ?? 3600,
    },
    options.nowSeconds,
  )

export interface Client {
  readonly doc: Y.Doc
  readonly text: Y.Text
  readonly provider: WebsocketProvider
  /** Resolves once the client has the relay's state (sync step 2 received). */
  synced(): Promise<void>
  destroy(): void
}

const clients = new Set<Client>()

/** A stock y-websocket client, exactly as an app would configure it. */
export const connectClient = (url: string, room: string, token: string | null): Client => {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token === null ? {} : { token },
    disableBc: true,
    maxBackoffTime: 300,
  })
  const client: Client = {
    doc,
    text: doc.getText('body'),
    provider,
    synced: () =>
      provider.synced ? Promise.resolve() : new Promise((done) => provider.once('sync', () => done())),
    destroy: () => {
      clients.delete(client)
      provider.destroy()
      doc.destroy()
    },
  }
  clients.add(client)
  return client
}

export const destroyClients = (): void => {
  for (const client of [...clients]) client.destroy()
}

export const waitFor = async (
  condition: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 10))
  }
}

export interface RawSocket {
  readonly ws: WebSocket
  readonly received: Uint8Array[]
  readonly opened: Promise<void>
  /** Close code and reason, or the HTTP status of a refused upgrade as `status`. */
  readonly ended: Promise<{ code?: number; reason?: string; status?: number; body?: string }>
}

/** The update a change makes on a copy of `source`'s document: what a hostile client would send. */
export const forged = (source: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(source))
  const before = Y.encodeStateVector(copy)
  change(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

/** How the relay ended a raw socket, or 'still open' if it kept it 5 s (the change was accepted). */
export const endOf = (socket: RawSocket): Promise<Awaited<RawSocket['ended']> | 'still open'> =>
  Promise.race([
    socket.ended,
    new Promise<'still open'>((done) => setTimeout(() => done('still open'), 5_000)),
  ])

/** A bare socket for sending what no well-behaved client would. */
export const openRaw = (url: string, room: string, token: string | null): RawSocket => {
  const ws = new WebSocket(`${url}/${room}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`)
  const received: Uint8Array[] = []
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const opened = new Promise<void>((done, fail) => {
    ws.once('open', () => done())
    ws.once('error', fail)
  })
  opened.catch(() => {})
  const ended = new Promise<{ code?: number; reason?: string; status?: number; body?: string }>((done) => {
    ws.once('close', (code, reason) => done({ code, reason: reason.toString() }))
    ws.once('unexpected-response', (_request, response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => done({ status: response.statusCode, body }))
    })
  })
  return { ws, received, opened, ended }
}

export const health = async (url: string): Promise<Record<string, unknown>> => {
  const response = await fetch(`${url.replace(/^ws/, 'http')}/healthz`)
  return (await response.json()) as Record<string, unknown>
}

/** A room's document exactly as the relay stored it, read without disturbing the running relay. */
export const storedDoc = (dataDir: string, room: string): Y.Doc => {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  const doc = new Y.Doc()
  for (const { data } of db
    .prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY id')
    .all(room))
    Y.applyUpdate(doc, data)
  db.close()
  return doc
}
