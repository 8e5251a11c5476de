import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCRATCH_ROOT_VARIABLE, scratchDir } from '../fixtures/scratch-dir'

const REPO = resolve(import.meta.dirname, '../..')

/** Runs a script with tsx, as a benchmark is run, and returns what it printed. */
const runScript = (source: string): string =>
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', source], {
    cwd: REPO,
    env: { ...process.env, [SCRATCH_ROOT_VARIABLE]: undefined },
  }).toString()

describe('scratchDir', () => {
  it("puts a test run's directories in the run's folder, which its global setup removes", () => {
    const root = process.env[SCRATCH_ROOT_VARIABLE]
    expect(root).toBeDefined()
    const dir = scratchDir('scratch-test')
    expect(dirname(dir)).toBe(root)
    expect(existsSync(dir)).toBe(true)
  })

  it('removes the directories of a process run on its own as it exits', () => {
    const printed = runScript(
      `import { scratchDir } from './tests/fixtures/scratch-dir.ts'
       const dirs = [scratchDir('a'), scratchDir('b')]
       console.log(JSON.stringify(dirs))`,
    )
    const dirs = JSON.parse(printed) as string[]
    expect(dirs).toHaveLength(2)
    for (const dir of dirs) expect(existsSync(dir)).toBe(false)
  })
})
