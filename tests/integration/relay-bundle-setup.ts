/**
 * Global setup of vitest and Playwright: the relay integration and e2e tests run the bundle an operator ships
 * (relay-server/dist/chorus-relay.mjs), so it is built first whenever it is missing or older than what goes in it.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const REPO = resolve(import.meta.dirname, '../..')
export const BUNDLE = join(REPO, 'relay-server/dist/chorus-relay.mjs')
const INPUTS = [
  'relay-server/src',
  'shared',
  'relay-server/package.json',
  'package-lock.json',
  'build/relay-bundle.mjs',
  'build/relay-lock.mjs',
]

const newestMtime = (path: string): number => {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

const bundleMtime = (): number => {
  try {
    return Math.min(statSync(BUNDLE).mtimeMs, statSync(join(REPO, 'relay-server/package-lock.json')).mtimeMs)
  } catch {
    return 0
  }
}

export default function setup(): void {
  if (bundleMtime() >= Math.max(...INPUTS.map((input) => newestMtime(join(REPO, input))))) return
  try {
    execFileSync(process.execPath, [join(REPO, 'build/relay-bundle.mjs')], { cwd: REPO, stdio: 'inherit' })
  } catch {
    // Never test a stale bundle; and a relay that does not build must not stop every other test from running.
    // The relay tests then fail on the missing bundle (relay-harness.ts says so).
    rmSync(BUNDLE, { force: true })
    console.error(
      'relay-bundle-setup: npm run relay:build failed (above); the relay integration tests will fail',
    )
  }
}
