import { readFile } from 'node:fs/promises'
import type * as Y from 'yjs'
import { decodeCourseFile } from '../../../shared/course-file/decode'
import { migrate } from '../../../shared/course/migrate'
import type { ChorusError } from '../../../shared/errors'
import { exportCourse } from '../../../shared/export/export-course'
import { exportInputFromDoc } from '../../../shared/export/from-doc'
import type { ExportFormat, ExportProgress, MediaBlob } from '../../../shared/export/types'
import { parseExportArgs, USAGE } from './args'
import { writeFileAtomic } from './write-atomic'

export interface CliOutput {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
}

/** Exit codes: 0 done, 1 the export failed, 2 the command line was wrong. */
export const fail = (io: CliOutput, error: ChorusError, exitCode = 1, usage = USAGE): number => {
  io.err(`chorus export: ${error.message} [${error.code}]`)
  if (error.code === 'invalid-argument') io.err(usage)
  return exitCode
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`

/** Reports each phase's start and end, and every quarter in between, so a 300-lesson export does not flood stderr. */
const progressPrinter = (io: CliOutput) => {
  let last = ''
  return ({ phase, done, total }: ExportProgress): void => {
    const quarter = total === 0 ? 4 : Math.floor((done * 4) / total)
    const key = `${phase}:${quarter}`
    if (key === last && done !== total) return
    last = key
    io.err(`  ${phase} ${done}/${total}`)
  }
}

/** `npm run export -- <course-file> --format scorm12|scorm2004|web --out FILE.zip`; returns the exit code. */
export const runExport = async (argv: readonly string[], io: CliOutput): Promise<number> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE)
    return 0
  }
  const args = parseExportArgs(argv)
  if (!args.ok) return fail(io, args.error, 2)
  const { courseFile, format, out } = args.value

  let bytes: Uint8Array
  try {
    bytes = await readFile(courseFile)
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message
    return fail(io, {
      code: 'file-unreadable',
      message: `Cannot read the course file ${courseFile}: ${reason}.`,
    })
  }
  const decoded = await decodeCourseFile(bytes)
  if (!decoded.ok) return fail(io, decoded.error)
  const { doc, media } = decoded.value
  migrate(doc)

  return exportToZip(io, {
    doc,
    media,
    title: decoded.value.header.title,
    format,
    out,
    mediaSource: 'the course file',
  })
}

export interface ExportJob {
  readonly doc: Y.Doc
  readonly media: ReadonlyMap<string, MediaBlob>
  readonly title: string
  readonly format: ExportFormat
  readonly out: string
  /** Where missing media would have come from, for the warning: "the course file", "the relay's store". */
  readonly mediaSource: string
}

/** Exports a (migrated) course document and writes the zip atomically; returns the exit code. */
export const exportToZip = async (io: CliOutput, job: ExportJob): Promise<number> => {
  const { doc, media, title, format, out } = job
  io.err(`Exporting "${title}" as ${format}…`)
  const exported = await exportCourse(exportInputFromDoc(doc, media), format, progressPrinter(io))
  if (!exported.ok) return fail(io, exported.error)
  for (const hash of exported.value.missingMedia) {
    io.err(
      `  warning: media ${hash.slice(0, 12)}… is used by a lesson but not in ${job.mediaSource}; it shows as missing.`,
    )
  }

  try {
    await writeFileAtomic(out, exported.value.zip)
  } catch (error) {
    return fail(io, {
      code: 'file-write-failed',
      message: `Cannot write ${out}: ${(error as Error).message}.`,
    })
  }
  io.err(`Wrote ${out} (${kib(exported.value.zip.length)}).`)
  io.out(out)
  return 0
}
