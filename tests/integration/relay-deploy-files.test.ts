/**
 * The relay's Dockerfile and systemd unit. Docker cannot run here, so the Dockerfile is checked by reading it:
 * the instructions the issue asks for are there, in the stage that ships, and every file it copies from the build
 * context exists. Its HEALTHCHECK command is run for real against the bundle; the unit goes through
 * `systemd-analyze verify`.
 */
import { execFile, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { killRelays, REPO, startRelay, tempDir } from './relay-harness'

const run = promisify(execFile)

interface Instruction {
  readonly keyword: string
  readonly args: string
}

/** Dockerfile instructions by stage, continuation lines joined, comments dropped. */
const parseDockerfile = (text: string): Instruction[][] => {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  const stages: Instruction[][] = []
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/)
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') }
    if (instruction.keyword === 'FROM') stages.push([])
    stages.at(-1)?.push(instruction)
  }
  return stages
}

const all = (stage: Instruction[], keyword: string): string[] =>
  stage.filter((i) => i.keyword === keyword).map((i) => i.args)

const dockerfile = async () => parseDockerfile(await readFile(join(REPO, 'relay-server/Dockerfile'), 'utf8'))

afterEach(killRelays)

describe('relay-server/Dockerfile', () => {
  it('builds the bundle in one stage and ships only dist, package.json, its lock and production modules', async () => {
    const stages = await dockerfile()
    expect(stages.length).toBeGreaterThanOrEqual(2)
    const build = stages[0] ?? []
    expect(all(build, 'RUN').some((args) => /\bnpm ci\b/.test(args))).toBe(true)
    expect(all(build, 'RUN').some((args) => args.includes('npm run relay:build'))).toBe(true)

    const final = stages.at(-1) ?? []
    expect(all(final, 'FROM')[0]).toMatch(/^node:20[\w.-]*slim\b/)
    // Everything copied into the final stage comes from another stage: dist, the manifest and lock, node_modules.
    const copies = all(final, 'COPY')
    expect(copies.every((args) => args.startsWith('--from='))).toBe(true)
    const copied = copies.flatMap((args) =>
      args
        .split(/\s+/)
        .slice(1, -1)
        .map((p) => p.split('/').filter(Boolean).at(-1)),
    )
    expect(copied.sort()).toEqual(['dist', 'node_modules', 'package-lock.json', 'package.json'])
    const depsStage = stages.find((stage) =>
      all(stage, 'RUN').some((args) => args.includes('npm ci --omit=dev')),
    )
    expect(depsStage, 'a stage running npm ci --omit=dev').toBeDefined()
    const fromStage = /--from=(\S+)\s+\S*node_modules/.exec(copies.join('\n'))?.[1]
    expect(all(depsStage ?? [], 'FROM')[0]).toContain(`AS ${fromStage}`)

    const user = all(final, 'USER').at(-1)
    expect(user).toBeDefined()
    expect(['root', '0', '0:0']).not.toContain(user)
    expect(all(final, 'VOLUME')).toContain('/data')
    expect(all(final, 'ENV').join(' ')).toMatch(/\bMALLOC_ARENA_MAX=2\b/)
    expect(all(final, 'ENV').join(' ')).toMatch(/\bCHORUS_RELAY_DATA=\/data\b/)
    expect(all(final, 'ENTRYPOINT').join(' ')).toBe(
      '["node", "--max-semi-space-size=4", "dist/chorus-relay.mjs"]',
    )
    const healthcheck = all(final, 'HEALTHCHECK').join(' ')
    expect(healthcheck).toContain('/healthz')
    expect(healthcheck).not.toMatch(/\b(curl|wget)\b/)
  })

  it('copies from the build context only files that exist', async () => {
    const stages = await dockerfile()
    const sources = stages
      .flatMap((stage) => all(stage, 'COPY'))
      .filter((args) => !args.startsWith('--from='))
      .flatMap((args) => args.split(/\s+/).slice(0, -1))
    expect(sources.length).toBeGreaterThan(0)
    for (const source of sources) expect(existsSync(join(REPO, source)), source).toBe(true)
  })

  it('has a HEALTHCHECK command that passes against a running relay and fails against none', async () => {
    const healthcheck = all((await dockerfile()).at(-1) ?? [], 'HEALTHCHECK').join(' ')
    const command = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4)) as string[]
    expect(command[0]).toBe('node')
    const relay = await startRelay()
    const env = { ...process.env, CHORUS_RELAY_PORT: String(relay.port) }
    const check = () => spawnSync(process.execPath, command.slice(1), { env, timeout: 10_000 }).status
    expect(check()).toBe(0)
    await relay.stop()
    expect(check()).toBe(1)
  })
})

describe('relay-server/deploy/chorus-relay.service', () => {
  it('runs the bundle unprivileged, hardened, with its data in a state directory', async () => {
    const unit = await readFile(join(REPO, 'relay-server/deploy/chorus-relay.service'), 'utf8')
    const settings = new Map<string, string[]>()
    for (const line of unit.split('\n')) {
      const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim())
      if (match?.[1] !== undefined)
        settings.set(match[1], [...(settings.get(match[1]) ?? []), match[2] ?? ''])
    }
    const one = (key: string): string | undefined => settings.get(key)?.at(-1)
    expect(one('ExecStart')).toMatch(/\bnode --max-semi-space-size=4 \S*\/dist\/chorus-relay\.mjs$/)
    expect(one('User')).not.toBe('root')
    expect(one('StateDirectory')).toBe('chorus-relay')
    expect(settings.get('Environment')).toContain('MALLOC_ARENA_MAX=2')
    expect(settings.get('Environment')).toContain('CHORUS_RELAY_DATA=/var/lib/chorus-relay')
    for (const [key, value] of [
      ['NoNewPrivileges', 'yes'],
      ['ProtectSystem', 'strict'],
      ['ProtectHome', 'yes'],
      ['PrivateTmp', 'yes'],
      ['PrivateDevices', 'yes'],
      ['CapabilityBoundingSet', ''],
      ['RestrictNamespaces', 'yes'],
      ['SystemCallArchitectures', 'native'],
    ] as const)
      expect(one(key), key).toBe(value)
    // V8's JIT needs writable, executable memory: this one would stop node from starting.
    expect(settings.has('MemoryDenyWriteExecute')).toBe(false)
  })

  it('passes systemd-analyze verify without unknown keys', async () => {
    // verify needs the files the unit names; check a copy whose environment file is optional.
    const unit = (await readFile(join(REPO, 'relay-server/deploy/chorus-relay.service'), 'utf8')).replace(
      'EnvironmentFile=/',
      'EnvironmentFile=-/',
    )
    const path = join(tempDir(), 'chorus-relay.service')
    await writeFile(path, unit)
    const { stdout, stderr } = await run('systemd-analyze', ['verify', path]).catch(
      (error: { stdout: string; stderr: string }) => error,
    )
    expect(`${stdout}${stderr}`.trim()).toBe('')
  })
})
