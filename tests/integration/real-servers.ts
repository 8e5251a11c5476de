/**
 * Throwaway Redis and PostgreSQL servers for the cluster tests: Debian's own binaries (`.ci/run` installs them),
 * each in a temporary directory on a free loopback port, never the system services. PostgreSQL refuses to run as
 * root, so as root its files belong to, and it runs as, the `postgres` user the Debian package creates.
 * Each can be stopped and started again on the same port and data, for outage tests.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, chownSync, existsSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { scratchDir } from '../fixtures/scratch-dir'

const run = promisify(execFile)

export interface RealServer {
  readonly url: string
  readonly port: number
  /** Stops the server (its data stays); resolves once it is down. */
  stop(): Promise<void>
  /** Starts it again on the same port and data. */
  start(): Promise<void>
  /** Stops it for good. */
  dispose(): Promise<void>
}

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? done(address.port) : fail()))
    })
  })

const isRoot = (): boolean => userInfo().uid === 0

const postgresBin = (name: string): string => {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  const found = versions.map((version) => join(root, version, 'bin', name)).find((path) => existsSync(path))
  if (found === undefined)
    throw new Error(`PostgreSQL's ${name} not found under ${root}: apt-get install -y postgresql`)
  return found
}

/** Runs a PostgreSQL tool as the user that owns the data (the `postgres` user when we are root). */
const asPostgres = (tool: string, args: readonly string[]) =>
  isRoot()
    ? run('runuser', ['-u', 'postgres', '--', postgresBin(tool), ...args])
    : run(postgresBin(tool), [...args])

/** A fresh cluster with a `chorus` superuser and database, trusting loopback connections. */
export const startPostgres = async (): Promise<RealServer> => {
  const dir = scratchDir('pg')
  if (isRoot()) chownSync(dir, ...postgresIds())
  chmodSync(dir, 0o700)
  const data = join(dir, 'data')
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'chorus', '--no-sync'])
  const port = await freePort()
  const ctl = (...args: string[]) => asPostgres('pg_ctl', ['-D', data, ...args])
  const start = async () => {
    await ctl('-o', `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start')
  }
  await start()
  await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'chorus', 'chorus'])
  const stop = async () => {
    await ctl('-m', 'fast', '-w', 'stop')
  }
  return {
    url: `postgres://chorus@127.0.0.1:${port}/chorus`,
    port,
    stop,
    start,
    dispose: () => stop().catch(() => {}),
  }
}

let postgresUser: [number, number] | null = null
const postgresIds = (): [number, number] => {
  if (postgresUser !== null) return postgresUser
  const passwd = requirePasswdEntry('postgres')
  postgresUser = [passwd.uid, passwd.gid]
  return postgresUser
}

const requirePasswdEntry = (name: string): { uid: number; gid: number } => {
  // Synchronously, once: `id` is everywhere and avoids parsing /etc/passwd ourselves.
  try {
    const uid = Number(execFileSync('id', ['-u', name]).toString().trim())
    const gid = Number(execFileSync('id', ['-g', name]).toString().trim())
    return { uid, gid }
  } catch {
    throw new Error(`no "${name}" user: apt-get install -y postgresql creates it`)
  }
}

/** Redis with an append-only file, so a restart keeps its streams as a production one would. */
export const startRedis = async (): Promise<RealServer> => {
  const dir = scratchDir('redis')
  const port = await freePort()
  let child: ChildProcess | null = null
  const start = async () => {
    const server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = server
    await new Promise<void>((ready, fail) => {
      let output = ''
      server.once('error', (error) =>
        fail(new Error(`redis-server did not start (${error.message}): apt-get install -y redis-server`)),
      )
      server.once('exit', (code) => fail(new Error(`redis-server exited with ${code}: ${output}`)))
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) ready()
      })
    })
  }
  const stop = async () => {
    const server = child
    child = null
    if (server === null || server.exitCode !== null) return
    const exited = new Promise((done) => server.once('exit', done))
    server.kill('SIGTERM')
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, stop, start, dispose: stop }
}
