import { readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { encodeCourseFile } from '../../../shared/course-file/encode'
import { newCourseId } from '../../../shared/course/ids'
import type { ChorusError } from '../../../shared/errors'
import { buildImportedCourse } from '../../../shared/import/apply-plan'
import { IMPORT_LIMITS } from '../../../shared/import/import-limits'
import { planImport } from '../../../shared/import/outline-plan'
import { resolvePath } from '../../../shared/import/paths'
import { MEDIA_MAX_BYTES } from '../../../shared/media/media-types'
import { writeFileAtomic } from '../export-cli/write-atomic'
import { parseImportArgs, USAGE } from './args'

export interface CliOutput {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
}

/** Exit codes: 0 written, 1 the document could not be imported (or the course not written), 2 a bad command line. */
const fail = (io: CliOutput, error: ChorusError, exitCode = 1): number => {
  io.err(`chorus import: ${error.message} [${error.code}]`)
  if (error.code === 'invalid-argument') io.err(USAGE)
  return exitCode
}

/**
 * Images a .md file names, read from its own folder or below (never above it), and no bigger than an image may
 * be; the importer then checks what the bytes are.
 */
const siblingReader = (document: string) => (src: string) => {
  const path = resolvePath(basename(document), src)
  if (path === null) return null
  const file = join(dirname(document), path)
  try {
    if (!statSync(file).isFile() || statSync(file).size > MEDIA_MAX_BYTES.image) return null
    return new Uint8Array(readFileSync(file))
  } catch {
    return null
  }
}

/** `npm run import -- FILE --out COURSE.chorus [--sections-at N --lessons-at M]`; returns the exit code. */
export const runImport = async (argv: readonly string[], io: CliOutput): Promise<number> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE)
    return 0
  }
  const args = parseImportArgs(argv)
  if (!args.ok) return fail(io, args.error, 2)
  const { document, out, levels } = args.value

  let bytes: Uint8Array
  try {
    if (statSync(document).size > IMPORT_LIMITS.fileBytes)
      return fail(io, {
        code: 'file-too-large',
        message: `${document} is larger than the ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB Chorus imports.`,
      })
    bytes = new Uint8Array(await readFile(document))
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message
    return fail(io, { code: 'file-unreadable', message: `Cannot read ${document}: ${reason}.` })
  }
  io.err(`Importing ${document}…`)
  // The converters load only once there is something to convert: a bad command line answers at once.
  const { readDocument } = await import('../../../shared/import/read-document')
  const parsed = await readDocument(
    { name: basename(document), bytes },
    { readSibling: siblingReader(document) },
  )
  if (!parsed.ok) return fail(io, parsed.error)
  const plan = planImport(parsed.value, levels)
  for (const section of plan.sections) {
    io.err(`  ${section.title}`)
    for (const lesson of section.lessons) io.err(`    ${lesson.title}`)
  }
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`
  io.err(
    `  ${count(plan.sections.length, 'section')}, ${count(plan.lessonCount, 'lesson')}, ${count(plan.imageCount, 'image')}`,
  )
  for (const loss of plan.losses) io.err(`  note: ${loss.message}`)

  const doc = buildImportedCourse(plan, { id: newCourseId() })
  try {
    await writeFileAtomic(out, encodeCourseFile(doc, plan.media))
  } catch (error) {
    return fail(io, {
      code: 'file-write-failed',
      message: `Cannot write ${out}: ${(error as Error).message}.`,
    })
  }
  io.err(`Wrote ${out}.`)
  io.out(out)
  return 0
}
