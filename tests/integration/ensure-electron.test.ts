/**
 * build/ensure-electron.mjs, run as `npm start` runs it: a real Node child process, in a copy of the project
 * layout (the script next to a node_modules/electron holding Electron's real package files and installer), so the
 * checkout's own node_modules is never changed. The binary cannot be downloaded here, so the download paths are
 * the ones that must fail: with ELECTRON_SKIP_BINARY_DOWNLOAD, and with a mirror nobody listens on.
 */
import { spawn } from 'node:child_process'
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const realModules = join(root, 'node_modules')
const ELECTRON_FILES = ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']

interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

let project: string
let electronDir: string

/** A project folder: build/ensure-electron.mjs and node_modules/electron (without its binary) with its installer's dependencies. */
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'chorus-ensure-electron-'))
  electronDir = join(project, 'node_modules/electron')
  await mkdir(join(project, 'build'))
  await mkdir(electronDir, { recursive: true })
  await copyFile(join(root, 'build/ensure-electron.mjs'), join(project, 'build/ensure-electron.mjs'))
  for (const file of ELECTRON_FILES)
    await copyFile(join(realModules, 'electron', file), join(electronDir, file))
  for (const scope of ['@electron', '@electron-internal'])
    await symlink(join(realModules, scope), join(project, 'node_modules', scope), 'dir')
})

afterEach(async () => {
  await rm(project, { recursive: true, force: true })
})

/** The environment of a user's shell, without any Electron setting of the machine running the tests. */
const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/electron/i.test(key)))
  // An empty download cache: a zip cached by an earlier install on this machine must not make the download pass.
  return { ...env, electron_config_cache: join(project, 'electron-cache'), ...extra }
}

const runScript = (env: Record<string, string>): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(project, 'build/ensure-electron.mjs')], {
      cwd: project,
      env: cleanEnv(env),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })

/** A local port with nothing listening on it. */
const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })

describe('ensure-electron (run by npm start and npm run dev)', () => {
  it('with ELECTRON_SKIP_BINARY_DOWNLOAD set, fails and says to unset it or use the browser build', async () => {
    const run = await runScript({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('[ELECTRON_DOWNLOAD_SKIPPED]')
    expect(run.stderr).toMatch(/Electron 45\.\d+\.\d+ for \S+ binary is not installed/)
    expect(run.stderr).toContain('unset ELECTRON_SKIP_BINARY_DOWNLOAD')
    expect(run.stderr).toContain('npm run web')
    // Nothing was attempted.
    expect(run.stderr).not.toContain('downloading')
  })

  it('when the download fails (an unreachable mirror), says where from, why, and what to do', async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}/`
    const run = await runScript({ ELECTRON_MIRROR: mirror })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`downloading Electron`)
    expect(run.stderr).toContain('[ELECTRON_DOWNLOAD_FAILED]')
    expect(run.stderr).toContain(`from:  ${mirror} (ELECTRON_MIRROR)`)
    expect(run.stderr).toMatch(/cause: \S*Error: /)
    expect(run.stderr).toContain('check the internet connection')
    expect(run.stderr).toContain('set\n    ELECTRON_MIRROR')
    expect(run.stderr).toContain('npm run web')
    // Electron's installer ran and wrote nothing that electron-vite would take for an installed binary.
    await expect(readFile(join(electronDir, 'path.txt'), 'utf8')).rejects.toThrow()
  })

  it('a path.txt naming a binary that is gone counts as not installed', async () => {
    await writeFile(join(electronDir, 'path.txt'), 'electron')
    const run = await runScript({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('[ELECTRON_DOWNLOAD_SKIPPED]')
  })

  it('passes silently, downloading nothing, when path.txt names a binary that exists', async () => {
    await mkdir(join(electronDir, 'dist'))
    await writeFile(join(electronDir, 'dist/electron'), '#!/bin/sh\n')
    await chmod(join(electronDir, 'dist/electron'), 0o755)
    await writeFile(join(electronDir, 'path.txt'), 'electron')
    // Neither setting matters once the binary is there: the mirror is never asked.
    const mirror = `http://127.0.0.1:${await closedPort()}/`
    const settings: readonly Record<string, string>[] = [
      {},
      { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      { ELECTRON_MIRROR: mirror },
    ]
    for (const env of settings) {
      expect(await runScript(env)).toEqual({ status: 0, stdout: '', stderr: '' })
    }
  })

  it('runs before electron-vite in npm start and npm run dev', async () => {
    const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(scripts.start).toBe('node build/ensure-electron.mjs && electron-vite preview')
    expect(scripts.dev).toBe('node build/ensure-electron.mjs && electron-vite dev')
  })
})
