/** `npm run import`, run as a real process on real files: what a batch conversion sees, and every exit code. */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeCourseFile } from '../../shared/course-file/decode'
import { readLessonContent } from '../../shared/course/content-io'
import { readCourse } from '../../shared/course/read'
import { COURSE_MARKDOWN, courseDocx, markdownImages } from '../fixtures/import-documents'
import { dashboardPng, invoicePng } from '../fixtures/sample-images'
import { repo } from './export-package-support'
import { scratchDir } from '../fixtures/scratch-dir'

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const run = (script: string, ...args: string[]): Promise<Run> =>
  new Promise((done) => {
    execFile(
      join(repo, 'node_modules/.bin/tsx'),
      [join(repo, script), ...args],
      { cwd: repo },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    )
  })

const cli = (...args: string[]): Promise<Run> => run('relay-server/src/cli/import.ts', ...args)

/** Each run starts tsx and the converters afresh: seconds on a busy two-core machine. */
const SLOW = 180_000

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

const decode = async (path: string) => {
  const decoded = await decodeCourseFile(await readFile(path))
  if (!decoded.ok) throw new Error(decoded.error.message)
  return decoded.value
}

let dir: string
let docx: string

beforeAll(async () => {
  dir = scratchDir('import-cli')
  docx = join(dir, 'Reconciliation.docx')
  await writeFile(docx, await courseDocx())
})

describe('npm run import', () => {
  it(
    'converts a .docx into a course file with its outline and images, and prints the path',
    async () => {
      const out = join(dir, 'reconciliation.chorus')
      const result = await cli(docx, '--out', out)
      expect(result.code).toBe(0)
      expect(result.stdout).toBe(`${out}\n`)
      expect(result.stderr).toContain('3 sections, 4 lessons, 2 images')
      expect(result.stderr).toContain('note: 1 table flattened to text')
      const { doc, media } = await decode(out)
      const course = readCourse(doc)
      expect(course.meta.title).toBe('Reconciliation')
      expect(course.sections.map((s) => [s.title, s.lessons.map((l) => l.title)])).toEqual([
        ['Reconciliation', ['Introduction']],
        ['Getting started', ['Why reconcile', 'Steps']],
        ['Wrapping up', ['Summary']],
      ])
      expect([...media.keys()].sort()).toEqual([sha256(dashboardPng()), sha256(invoicePng())].sort())
      const summary = course.sections[2]?.lessons[0]
      expect(summary && readLessonContent(doc, summary.id).content?.[0]?.content?.[0]?.text).toBe(
        'Reconciled books close faster.',
      )
    },
    SLOW,
  )

  it(
    'takes the outline levels from --sections-at and --lessons-at',
    async () => {
      const out = join(dir, 'levels.chorus')
      expect((await cli(docx, '--out', out, '--sections-at', '2', '--lessons-at', '3')).code).toBe(0)
      const course = readCourse((await decode(out)).doc)
      expect(course.sections.map((s) => s.title)).toEqual([
        'Reconciliation',
        'Getting started',
        'Why reconcile',
        'Steps',
        'Wrapping up',
        'Summary',
      ])
    },
    SLOW,
  )

  it(
    'reads the images a .md file names from beside it, and the course exports to SCORM with them',
    async () => {
      const folder = join(dir, 'wiki')
      await mkdir(join(folder, 'images'), { recursive: true })
      await writeFile(join(folder, 'Basics.md'), COURSE_MARKDOWN)
      for (const [path, bytes] of Object.entries(markdownImages())) await writeFile(join(folder, path), bytes)
      const out = join(dir, 'basics.chorus')
      const result = await cli(join(folder, 'Basics.md'), '--out', out)
      expect(result.code).toBe(0)
      expect(result.stderr).toContain('1 section, 3 lessons, 2 images')
      expect((await decode(out)).media.size).toBe(2)

      const zip = join(dir, 'basics-scorm.zip')
      expect(
        (await run('relay-server/src/cli/export.ts', out, '--format', 'scorm2004', '--out', zip)).code,
      ).toBe(0)
      const files = unzipSync(await readFile(zip))
      expect(files[`media/${sha256(invoicePng())}.png`]).toEqual(invoicePng())
      expect(strFromU8(files['index.html'] ?? new Uint8Array())).toContain('Closing words.')
    },
    SLOW,
  )

  it(
    'exits 2 on a bad command line, writing nothing',
    async () => {
      for (const args of [
        [],
        [docx],
        [docx, '--out', join(dir, 'x.zip')],
        [docx, '--out', join(dir, 'x.chorus'), '--sections-at', '2', '--lessons-at', '2'],
        [docx, '--out', join(dir, 'x.chorus'), '--lessons-at', '9'],
        [docx, '--out', join(dir, 'x.chorus'), '--bogus'],
      ]) {
        const result = await cli(...args)
        expect([args, result.code]).toEqual([args, 2])
        expect(result.stderr).toContain('Usage: npm run import')
      }
      expect((await readdir(dir)).filter((name) => name.startsWith('x.'))).toEqual([])
    },
    SLOW,
  )

  it(
    'exits 1 on an unreadable, password-protected or corrupt input and leaves the existing course untouched',
    async () => {
      const out = join(dir, 'kept.chorus')
      expect((await cli(docx, '--out', out)).code).toBe(0)
      const before = await readFile(out)
      const locked = join(dir, 'Locked.docx')
      await writeFile(
        locked,
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]),
      )
      const broken = join(dir, 'Broken.docx')
      await writeFile(broken, (await courseDocx()).subarray(0, 3000))
      for (const [input, code] of [
        [join(dir, 'missing.docx'), 'file-unreadable'],
        [locked, 'file-encrypted'],
        [broken, 'file-corrupt'],
      ] as const) {
        const result = await cli(input, '--out', out)
        expect([input, result.code]).toEqual([input, 1])
        expect(result.stderr).toContain(`[${code}]`)
        expect(result.stdout).toBe('')
      }
      expect(await readFile(out)).toEqual(before)
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    },
    SLOW,
  )
})
