/**
 * A throwaway nginx (Debian's binary; `.ci/run` installs it) in front of relay instances, running the example
 * config relay-server/deploy/nginx-chorus-relay.conf itself: only its upstream servers and listen address are
 * replaced, so the configuration operators copy is the one the tests exercise. Everything nginx writes (pid, logs,
 * temporary files) stays in a temporary directory; it runs in the foreground as a child process.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { REPO } from './relay-harness'
import { freePort } from './real-servers'
import { scratchDir } from '../fixtures/scratch-dir'

export const NGINX_EXAMPLE = join(REPO, 'relay-server/deploy/nginx-chorus-relay.conf')

export interface NginxServer {
  /** ws:// address of the proxy, as a client would be given it. */
  readonly url: string
  readonly port: number
  /** nginx's access and error logs so far: which requests failed, which upstreams refused. */
  logs(): { access: string; error: string }
  stop(): Promise<void>
}

const UPSTREAM_SERVER = /^(\s*)server 127\.0\.0\.1:\d+((?: [^;]*)?;)$/gm
const LISTEN = /^(\s*)listen 80;$/m

/** The example config with its upstream servers replaced by `upstreamPorts` and its listen address by `port`. */
export const siteConfig = (example: string, upstreamPorts: readonly number[], port: number): string => {
  const servers = [...example.matchAll(UPSTREAM_SERVER)]
  const [first] = servers
  if (first === undefined || !LISTEN.test(example))
    throw new Error(
      `${NGINX_EXAMPLE} no longer has "server 127.0.0.1:PORT …;" upstream lines and "listen 80;"`,
    )
  const [, indent = '', options = ';'] = first
  const ours = upstreamPorts.map((upstream) => `${indent}server 127.0.0.1:${upstream}${options}`).join('\n')
  let seen = 0
  return example
    .replace(UPSTREAM_SERVER, () => (seen++ === 0 ? ours : ''))
    .replace(LISTEN, (_line, space: string) => `${space}listen 127.0.0.1:${port};`)
}

const nginxBinary = (): string => (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx')

const accepting = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), done(true)))
    socket.once('error', () => done(false))
  })

/**
 * Starts nginx proxying to relays on `upstreamPorts`. `example` replaces the example file's text, e.g. to show
 * that a config without the upgrade headers fails.
 */
export const startNginx = async (
  upstreamPorts: readonly number[],
  options: { example?: string } = {},
): Promise<NginxServer> => {
  const dir = scratchDir('nginx')
  const port = await freePort()
  const example = options.example ?? readFileSync(NGINX_EXAMPLE, 'utf8')
  writeFileSync(join(dir, 'chorus-relay.conf'), siteConfig(example, upstreamPorts, port))
  const errorLog = join(dir, 'error.log')
  const accessLog = join(dir, 'access.log')
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`)
    .join('\n')
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      // As root, workers would otherwise switch to "nobody", who cannot enter the private temporary directory.
      ...(userInfo().uid === 0 ? ['user root;'] : []),
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 4096; }',
      'http {',
      `  access_log ${accessLog};`,
      temp,
      `  include ${join(dir, 'chorus-relay.conf')};`,
      '}',
      '',
    ].join('\n'),
  )
  // -e: the error log nginx writes before it has read the config (else /var/log/nginx/error.log).
  const child = spawn(nginxBinary(), ['-p', dir, '-e', errorLog, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const read = (path: string): string => (existsSync(path) ? readFileSync(path, 'utf8') : '')
  const failed = (why: string): Error =>
    new Error(`nginx ${why}: ${stderr}${read(errorLog)} (apt-get install -y nginx)`)
  await new Promise<void>((ready, fail) => {
    child.once('error', (error) => fail(failed(`did not start (${error.message})`)))
    child.once('exit', (code) => fail(failed(`exited with ${code}`)))
    const deadline = Date.now() + 10_000
    const poll = async (): Promise<void> => {
      if (child.exitCode !== null) return
      if (await accepting(port)) return ready()
      if (Date.now() > deadline) return fail(failed('did not listen within 10 s'))
      setTimeout(() => void poll(), 50)
    }
    void poll()
  })
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    logs: () => ({ access: read(accessLog), error: read(errorLog) }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
