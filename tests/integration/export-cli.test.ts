/** `npm run export`, run as a real process: what a pipeline sees on success and on every kind of bad input. */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { SCRIPTED_SVG } from '../fixtures/media-bytes'
import { declareSize } from '../fixtures/zip-tamper'
import { repo, SAMPLE_FILE } from './export-package-support'
import { scratchDir } from '../fixtures/scratch-dir'

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const cli = (...args: string[]): Promise<Run> =>
  new Promise((done) => {
    execFile(
      join(repo, 'node_modules/.bin/tsx'),
      [join(repo, 'relay-server/src/cli/export.ts'), ...args],
      { cwd: repo },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    )
  })

let dir: string
let goodZip: Uint8Array

beforeAll(async () => {
  dir = scratchDir('export-cli')
  const first = await cli(SAMPLE_FILE, '--format', 'web', '--out', join(dir, 'good.zip'))
  expect(first.code).toBe(0)
  goodZip = await readFile(join(dir, 'good.zip'))
})

/** A course file that fails only in the way `change` makes it fail. */
const variant = async (
  name: string,
  change: (files: Record<string, Uint8Array>) => void,
): Promise<string> => {
  const files = unzipSync(await readFile(SAMPLE_FILE))
  change(files)
  const path = join(dir, name)
  await writeFile(path, zipSync(files))
  return path
}

/** Runs an export that must fail onto a copy of a good zip, and checks the good zip survived untouched. */
const failsOverGoodZip = async (input: string, format = 'scorm12'): Promise<Run> => {
  const target = join(dir, `kept-${Math.random().toString(36).slice(2)}.zip`)
  await copyFile(join(dir, 'good.zip'), target)
  const run = await cli(input, '--format', format, '--out', target)
  expect(await readFile(target)).toEqual(goodZip)
  return run
}

describe('npm run export', () => {
  it('writes the package, reports progress on stderr and the written path on stdout', async () => {
    const out = join(dir, 'course-scorm2004.zip')
    await copyFile(join(dir, 'good.zip'), out)
    const run = await cli(SAMPLE_FILE, '--format', 'scorm2004', '--out', out)
    expect(run.code).toBe(0)
    expect(run.stdout.trim()).toBe(out)
    expect(run.stderr).toContain('Exporting "Onboarding to Ledgerly billing" as scorm2004')
    expect(run.stderr).toContain('lessons 8/8')
    expect(run.stderr).toContain('zip 1/1')
    const files = unzipSync(await readFile(out))
    expect(strFromU8(files['imsmanifest.xml'] ?? new Uint8Array())).toContain('adlcp:scormType="sco"')
    expect(Object.keys(files)).toContain('index.html')
  })

  it('rejects an unknown format, or a missing argument, with usage and exit code 2', async () => {
    const [unknown, noFormat, noOut, noFile] = await Promise.all([
      failsOverGoodZip(SAMPLE_FILE, 'scorm3'),
      cli(SAMPLE_FILE, '--out', join(dir, 'x.zip')),
      cli(SAMPLE_FILE, '--format', 'web'),
      cli('--format', 'web', '--out', join(dir, 'x.zip')),
    ])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain(
      'Unknown format "scorm3". Use one of: scorm12, scorm2004, web. [invalid-argument]',
    )
    expect(unknown.stderr).toContain('Usage: npm run export')
    for (const run of [noFormat, noOut, noFile]) {
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('[invalid-argument]')
    }
    expect(await readdir(dir)).not.toContain('x.zip')
  })

  it('fails with exit code 1 on a missing or unreadable course file', async () => {
    const [missing, directory] = await Promise.all([
      failsOverGoodZip(join(dir, 'no-such.chorus')),
      failsOverGoodZip(dir),
    ])
    for (const run of [missing, directory]) {
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('[file-unreadable]')
    }
    expect(missing.stderr).toContain('it does not exist')
  })

  it('fails with exit code 1 on a corrupt course file and never touches the existing zip', async () => {
    const garbage = join(dir, 'garbage.chorus')
    await writeFile(garbage, 'this is not a zip at all')
    const truncated = join(dir, 'truncated.chorus')
    await writeFile(truncated, (await readFile(SAMPLE_FILE)).subarray(0, 4000))
    const noDocument = await variant('no-document.chorus', (files) => delete files['course.bin'])
    const runs = await Promise.all([garbage, truncated, noDocument].map((file) => failsOverGoodZip(file)))
    for (const run of runs) {
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/not a Chorus course, or it is damaged .*\[file-corrupt\]/)
    }
  })

  it('refuses a course file carrying an SVG, or one that inflates past what it declares', async () => {
    const svg = new Uint8Array(SCRIPTED_SVG)
    const svgHash = createHash('sha256').update(svg).digest('hex')
    const withSvg = await variant('svg.chorus', (files) => {
      const header = JSON.parse(strFromU8(files['chorus.json'] ?? new Uint8Array())) as {
        media: { hash: string; mime: string }[]
      }
      header.media.push({ hash: svgHash, mime: 'image/png' })
      files['chorus.json'] = strToU8(JSON.stringify(header))
      files[`media/${svgHash}`] = svg
    })
    const files = unzipSync(await readFile(SAMPLE_FILE))
    const bomb = join(dir, 'bomb.chorus')
    await writeFile(
      bomb,
      declareSize(
        zipSync({ ...files, 'course.bin': [new Uint8Array(32 * 1024 * 1024), { level: 9 }] }),
        'course.bin',
        4096,
      ),
    )
    const [svgRun, bombRun] = await Promise.all([failsOverGoodZip(withSvg), failsOverGoodZip(bomb)])
    expect(svgRun.code).toBe(1)
    expect(svgRun.stderr).toMatch(/never SVG or HTML\)\. Nothing was imported\. \[file-media-refused\]/)
    expect(bombRun.code).toBe(1)
    expect(bombRun.stderr).toMatch(
      /course\.bin inflates to more than the 4096 bytes it declares.*\[file-too-large\]/,
    )
  })

  it('asks for a newer Chorus for a course file from the future', async () => {
    const future = await variant('future.chorus', (files) => {
      const header = JSON.parse(strFromU8(files['chorus.json'] ?? new Uint8Array())) as Record<
        string,
        unknown
      >
      files['chorus.json'] = strToU8(JSON.stringify({ ...header, formatVersion: 99 }))
    })
    const run = await failsOverGoodZip(future)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Update Chorus to open it. [file-too-new]')
  })

  it('reports a failed write and leaves no temporary files behind', async () => {
    const run = await cli(SAMPLE_FILE, '--format', 'web', '--out', join(dir, 'missing-dir', 'out.zip'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('[file-write-failed]')
    await mkdir(join(dir, 'clean'))
    expect((await cli(SAMPLE_FILE, '--format', 'scorm12', '--out', join(dir, 'clean', 'a.zip'))).code).toBe(0)
    expect(await readdir(join(dir, 'clean'))).toEqual(['a.zip'])
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
