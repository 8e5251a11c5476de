#!/usr/bin/env node
/**
 * Makes sure the Electron binary is on disk before electron-vite starts the desktop app (`npm start`, `npm run dev`).
 *
 * Electron 45 has no install script: its binary is downloaded on the first `require('electron')`. electron-vite
 * reads `node_modules/electron/path.txt` itself instead, so after a plain `npm install` it fails with "Electron
 * uninstall". This runs Electron's own installer (`node_modules/electron/install.js`, what `require('electron')`
 * runs) when the binary is missing, and when it cannot be had says why and what to do, with a stable code, and
 * exits non-zero. When the binary is there it prints nothing.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/'
/** What Electron's installer and tooling declare (node_modules/electron/package.json, @electron/get, @electron/rebuild). */
const DESKTOP_NODE = [22, 12]

const require = createRequire(import.meta.url)

/** Prints what went wrong and what to do, then exits with status 1. */
function fail(code, lines) {
  console.error([`ensure-electron: ${lines[0]} [${code}]`, ...lines.slice(1)].join('\n'))
  process.exit(1)
}

const isSet = (value) => value !== undefined && value !== '' && value !== '0' && value !== 'false'

/** The executable electron-vite will start, if it exists: from path.txt, as electron-vite reads it. */
function installedBinary(electronDir) {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** The first line of the installer's output that names an error (its stack trace follows it), else the first line. */
function causeOf(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ?? lines[0] ?? 'the installer said nothing'
}

/** Runs Electron's installer; resolves with its exit status and what it wrote to stderr. */
function runInstaller(electronDir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'inherit', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error) => resolve({ status: 1, stderr: `${error.name}: ${error.message}` }))
    child.on('close', (status) => resolve({ status, stderr }))
  })
}

const nodeIsOlderThanDesktopNeeds = () => {
  const [major, minor] = process.versions.node.split('.').map(Number)
  return major < DESKTOP_NODE[0] || (major === DESKTOP_NODE[0] && minor < DESKTOP_NODE[1])
}

async function main() {
  const override = process.env.ELECTRON_EXEC_PATH
  if (isSet(override)) {
    if (existsSync(override)) return
    fail('ELECTRON_EXEC_PATH_MISSING', [
      `ELECTRON_EXEC_PATH is set to ${override}, which does not exist.`,
      'Point it at an Electron executable, or unset it so that the one in node_modules/electron is used.',
    ])
  }

  let electronDir
  try {
    electronDir = dirname(require.resolve('electron/package.json'))
  } catch {
    fail('ELECTRON_NOT_INSTALLED', [
      'the electron package is not installed.',
      'Run `npm install` in the Chorus folder, then `npm start` again.',
    ])
  }
  if (installedBinary(electronDir) !== null) return

  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
  const target = `Electron ${version} for ${process.platform}-${process.arch}`
  const browserBuild = '  - or use the browser build, which needs no download: `npm run web`.'

  if (isSet(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    fail('ELECTRON_DOWNLOAD_SKIPPED', [
      `the ${target} binary is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded.`,
      'The desktop app needs it (about 100 MB, downloaded once into node_modules/electron/dist). What to do:',
      '  - unset ELECTRON_SKIP_BINARY_DOWNLOAD (e.g. `unset ELECTRON_SKIP_BINARY_DOWNLOAD`) and run `npm start` again;',
      browserBuild,
    ])
  }

  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || DEFAULT_MIRROR
  console.error(`ensure-electron: downloading ${target} from ${mirror} (about 100 MB, only this once)…`)
  const { status, stderr } = await runInstaller(electronDir)
  if (status === 0 && installedBinary(electronDir) !== null) {
    console.error('ensure-electron: Electron is installed.')
    return
  }

  const cause =
    status === 0
      ? `the installer finished, but ${join(electronDir, 'path.txt')} names no binary`
      : causeOf(stderr)
  fail('ELECTRON_DOWNLOAD_FAILED', [
    `could not download ${target}.`,
    `  from:  ${mirror}${mirror === DEFAULT_MIRROR ? ' (Electron’s releases on GitHub)' : ' (ELECTRON_MIRROR)'}`,
    `  cause: ${cause}`,
    'The desktop app needs this binary (about 100 MB, downloaded once into node_modules/electron/dist). What to do:',
    '  - check the internet connection, then run `npm start` again;',
    '  - behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1; where GitHub downloads are blocked, set',
    '    ELECTRON_MIRROR to a mirror of Electron’s releases (e.g. https://npmmirror.com/mirrors/electron/);',
    browserBuild,
    ...(nodeIsOlderThanDesktopNeeds()
      ? [
          `Note: this is Node ${process.versions.node}; Electron ${version} and its installer declare Node ≥ ${DESKTOP_NODE.join('.')}.`,
        ]
      : []),
  ])
}

await main()
