/**
 * The relay as an operator deploys it: relay-server/dist, relay-server/package.json and the lock that
 * `npm run relay:build` writes, copied into an empty directory outside the repository; `npm ci --omit=dev` there;
 * `node dist/chorus-relay.mjs`. No tsx, no TypeScript, nothing of the repository's node_modules.
 *
 * better-sqlite3's install script fetches a prebuilt binary (or compiles one, about 4 minutes on 2 cores). The test
 * hands it the binary this checkout already built, as a local prebuild (prebuild-install's own
 * `npm_config_better_sqlite3_local_prebuilds`), so the install takes seconds; everything else is the real registry
 * install (npm's cache first).
 */
import { execFile } from 'node:child_process'
import { cp, mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { startPostgres, startRedis } from './real-servers'
import {
  connectClient,
  destroyClients,
  health,
  killRelays,
  REPO,
  RELAY_VERSION,
  startRelay,
  tempDir,
  tokenFor,
  waitFor,
} from './relay-harness'

const run = promisify(execFile)
const RELAY = join(REPO, 'relay-server')
const INSTALL_TIMEOUT_MS = 180_000

interface Manifest {
  readonly version: string
  readonly dependencies: Record<string, string>
  readonly devDependencies?: Record<string, string>
}

const manifest = async (): Promise<Manifest> =>
  JSON.parse(await readFile(join(RELAY, 'package.json'), 'utf8')) as Manifest

/** The packages the bundle imports (node: built-ins aside). */
const bundleImports = async (): Promise<string[]> => {
  const text = await readFile(join(RELAY, 'dist/chorus-relay.mjs'), 'utf8')
  const specifiers = [...text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)].map(
    (m) => m[1] ?? '',
  )
  const packages = specifiers
    .filter((s) => !s.startsWith('node:'))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    )
  return [...new Set(packages)].sort()
}

/** better-sqlite3's binary from this checkout, packed as prebuild-install looks for it. */
const localPrebuilds = async (): Promise<string> => {
  const dir = join(tempDir(), 'prebuilds')
  await mkdir(dir)
  const { version } = JSON.parse(
    await readFile(join(REPO, 'node_modules/better-sqlite3/package.json'), 'utf8'),
  ) as {
    version: string
  }
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`
  await run('tar', [
    '-czf',
    join(dir, name),
    '-C',
    join(REPO, 'node_modules/better-sqlite3'),
    'build/Release/better_sqlite3.node',
  ])
  return dir
}

afterEach(async () => {
  destroyClients()
  await killRelays()
})

describe('the relay bundle, deployed', () => {
  it('imports exactly the packages relay-server/package.json lists as dependencies', async () => {
    const { dependencies, devDependencies } = await manifest()
    expect(await bundleImports()).toEqual(Object.keys(dependencies).sort())
    expect(devDependencies ?? {}).toEqual({})
    const lock = JSON.parse(await readFile(join(RELAY, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean }>
    }
    for (const [name, version] of Object.entries(dependencies))
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version)
    expect(Object.values(lock.packages).some((entry) => entry.dev === true)).toBe(false)
  })

  it(
    'runs from a directory holding only dist, package.json, its lock and `npm ci --omit=dev`, and serves stock clients',
    async () => {
      const dir = join(tempDir(), 'chorus-relay')
      await mkdir(dir)
      await cp(join(RELAY, 'dist'), join(dir, 'dist'), { recursive: true })
      await cp(join(RELAY, 'package.json'), join(dir, 'package.json'))
      await cp(join(RELAY, 'package-lock.json'), join(dir, 'package-lock.json'))

      const started = Date.now()
      // Started from inside the repository, npm would see its workspace root above; outside, there is none.
      const npmEnv: NodeJS.ProcessEnv = {
        ...Object.fromEntries(
          Object.entries(process.env).filter(
            ([key]) => !key.startsWith('npm_package_') && key !== 'INIT_CWD',
          ),
        ),
        npm_config_better_sqlite3_local_prebuilds: await localPrebuilds(),
      }
      await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
        cwd: dir,
        env: npmEnv,
        timeout: INSTALL_TIMEOUT_MS,
      })
      const installMs = Date.now() - started
      console.info(`npm ci --omit=dev in the deployed directory took ${installMs} ms`)

      const installed = await readdir(join(dir, 'node_modules'))
      for (const name of Object.keys((await manifest()).dependencies)) expect(installed).toContain(name)
      for (const devOnly of ['typescript', 'tsx', 'esbuild', 'vitest', 'electron', 'y-websocket', '@tiptap'])
        expect(installed).not.toContain(devOnly)
      expect(await readdir(join(dir, 'node_modules/better-sqlite3/build/Release'))).toContain(
        'better_sqlite3.node',
      )

      const relay = await startRelay({
        bundle: join(dir, 'dist/chorus-relay.mjs'),
        dataDir: join(dir, 'data'),
      })
      const token = await tokenFor('DeployedCourse', 'author')
      const [a, b] = [
        connectClient(relay.url, 'DeployedCourse', token),
        connectClient(relay.url, 'DeployedCourse', token),
      ]
      await Promise.all([a.synced(), b.synced()])
      a.text.insert(0, 'from the deployed bundle')
      await waitFor(() => b.text.toString() === 'from the deployed bundle', 5_000, 'B to see A')
      expect(await health(relay.url)).toMatchObject({
        status: 'ok',
        version: RELAY_VERSION,
        store: 'sqlite',
        rooms: 1,
        connections: 2,
      })
      expect(await relay.stop()).toBe(0)

      // The same directory scales out: pg and ioredis came with `npm ci --omit=dev`.
      const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
      try {
        const clustered = await Promise.all(
          [0, 1].map(() =>
            startRelay({
              bundle: join(dir, 'dist/chorus-relay.mjs'),
              dataDir: join(dir, 'unused'),
              args: ['--postgres', postgres.url, '--redis', redis.url],
            }),
          ),
        )
        const [first, second] = clustered
        if (first === undefined || second === undefined) throw new Error('two instances expected')
        const c = connectClient(first.url, 'DeployedCourse', token)
        const d = connectClient(second.url, 'DeployedCourse', token)
        await Promise.all([c.synced(), d.synced()])
        c.text.insert(0, 'across instances')
        await waitFor(() => d.text.toString() === 'across instances', 5_000, 'D to see C')
        expect(await health(first.url)).toMatchObject({ status: 'ok', store: 'postgres' })
        for (const instance of clustered) expect(await instance.stop()).toBe(0)
      } finally {
        await Promise.all([postgres.dispose(), redis.dispose()])
      }
    },
    INSTALL_TIMEOUT_MS + 60_000,
  )
})
