import { parseArgs } from 'node:util'
import { err, ok, type Result } from '../../../shared/errors'
import { DEFAULT_LEVELS, levelsAreValid, type ImportLevels } from '../../../shared/import/outline-plan'

export interface ImportArgs {
  readonly document: string
  readonly out: string
  readonly levels: ImportLevels
}

export const USAGE = `Usage: npm run import -- FILE.docx|FILE.md|FILE.zip --out COURSE.chorus [--sections-at 1 --lessons-at 2]

Converts a Word document, a Markdown file or a .zip of Markdown with its images into a Chorus course file.
Headings of level --sections-at (default ${DEFAULT_LEVELS.sectionsAt}) start sections, headings down to
--lessons-at (default ${DEFAULT_LEVELS.lessonsAt}) start lessons; deeper headings stay inside the lessons.
Images a .md file names are read from beside it. Exit codes: 0 written, 1 the document could not be imported,
2 the command line was wrong.`

const level = (value: string | undefined, fallback: number, flag: string): Result<number> => {
  if (value === undefined) return ok(fallback)
  const parsed = Number(value)
  return /^[1-6]$/.test(value)
    ? ok(parsed)
    : err('invalid-argument', `${flag} takes a heading level from 1 to 6, not "${value}".`)
}

export const parseImportArgs = (argv: readonly string[]): Result<ImportArgs> => {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    return err('invalid-argument', (error as Error).message)
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1 || positionals[0] === undefined)
    return err('invalid-argument', 'Give exactly one document (.docx, .md or .zip).')
  if (values.out === undefined || values.out === '')
    return err('invalid-argument', 'Say where to write the course with --out COURSE.chorus.')
  if (!values.out.endsWith('.chorus'))
    return err('invalid-argument', `--out must name a .chorus file, not "${values.out}".`)
  const sectionsAt = level(values['sections-at'], DEFAULT_LEVELS.sectionsAt, '--sections-at')
  if (!sectionsAt.ok) return sectionsAt
  // Without --lessons-at, lessons are the level just below sections.
  const lessonsAt = level(values['lessons-at'], Math.min(6, sectionsAt.value + 1), '--lessons-at')
  if (!lessonsAt.ok) return lessonsAt
  const levels = { sectionsAt: sectionsAt.value, lessonsAt: lessonsAt.value }
  if (!levelsAreValid(levels))
    return err(
      'invalid-argument',
      '--sections-at must be a larger heading (a smaller number) than --lessons-at.',
    )
  return ok({ document: positionals[0], out: values.out, levels })
}

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      'sections-at': { type: 'string' },
      'lessons-at': { type: 'string' },
    },
  })
