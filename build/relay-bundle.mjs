#!/usr/bin/env node
// @ts-check
/**
 * `npm run relay:build`: bundles the relay into relay-server/dist/chorus-relay.mjs and writes
 * relay-server/package-lock.json, so that a server needs only those, relay-server/package.json and
 * `npm ci --omit=dev` (see the relay section of README.md).
 *
 * shared/ and the relay's own code are bundled in; every package in relay-server/package.json `dependencies` stays
 * an import, installed on the server (better-sqlite3 is native, pino starts worker threads by file name, and one
 * installed copy of yjs is the one every part agrees on). A package the bundle imports but `dependencies` does not
 * list fails the build: on a server it would be missing.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { build } from 'esbuild'
import { workspaceLock } from './relay-lock.mjs'

const ROOT = join(import.meta.dirname, '..')
const RELAY = join(ROOT, 'relay-server')
export const BUNDLE = join(RELAY, 'dist', 'chorus-relay.mjs')

const readJson = async (/** @type {string} */ path) => JSON.parse(await readFile(path, 'utf8'))

/** The package a bare import names: `lib0/decoding` → `lib0`, `@scope/a/b` → `@scope/a`. */
const packageOf = (/** @type {string} */ specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

const isBuiltin = (/** @type {string} */ specifier) =>
  specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier))

const writeAtomic = async (/** @type {string} */ path, /** @type {string | Uint8Array} */ data) => {
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, data)
  await rename(temp, path)
}

export const buildRelay = async () => {
  const started = performance.now()
  const manifest = await readJson(join(RELAY, 'package.json'))
  const dependencies = Object.keys(manifest.dependencies ?? {})
  await mkdir(join(RELAY, 'dist'), { recursive: true })
  const result = await build({
    entryPoints: [join(RELAY, 'src/cli/index.ts')],
    outfile: BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: dependencies.flatMap((name) => [name, `${name}/*`]),
    define: { CHORUS_RELAY_VERSION: JSON.stringify(manifest.version) },
    banner: {
      js: `// Chorus relay ${manifest.version}, bundled by build/relay-bundle.mjs. Run: node chorus-relay.mjs --help`,
    },
    legalComments: 'eof',
    metafile: true,
    write: false,
    logLevel: 'warning',
  })
  // Written beside, then renamed: a relay started meanwhile (a test run, a server) never reads half a bundle.
  for (const file of result.outputFiles) await writeAtomic(file.path, file.contents)
  const imported = new Set(
    Object.values(result.metafile.outputs)
      .flatMap((output) => output.imports)
      .filter((i) => i.external && !isBuiltin(i.path))
      .map((i) => packageOf(i.path)),
  )
  const undeclared = [...imported].filter((name) => !dependencies.includes(name))
  if (undeclared.length > 0)
    throw new Error(
      `the relay imports ${undeclared.join(', ')}, missing from relay-server/package.json dependencies`,
    )

  const lock = workspaceLock(await readJson(join(ROOT, 'package-lock.json')), 'relay-server', manifest)
  await writeAtomic(join(RELAY, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`)
  return {
    bundle: BUNDLE,
    imports: [...imported].sort(),
    packages: Object.keys(lock.packages).length - 1,
    ms: Math.round(performance.now() - started),
  }
}

if (process.argv[1] === import.meta.filename) {
  const built = await buildRelay()
  console.error(
    `relay:build: wrote ${relative(process.cwd(), built.bundle)} and relay-server/package-lock.json ` +
      `(${built.packages} packages) in ${built.ms} ms`,
  )
}
