import { parseArgs } from 'node:util'
import { err, ok, type Result } from '../../../shared/errors'
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../../shared/export/types'

export interface ExportArgs {
  readonly courseFile: string
  readonly format: ExportFormat
  readonly out: string
}

export const USAGE = `Usage: npm run export -- <course-file.chorus> --format ${EXPORT_FORMATS.join('|')} --out FILE.zip

Exports a Chorus course file as a SCORM 1.2 or SCORM 2004 (4th Edition) package, or as a plain web site.`

export const parseExportArgs = (argv: readonly string[]): Result<ExportArgs> => {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    return err('invalid-argument', (error as Error).message)
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1 || positionals[0] === undefined) {
    return err('invalid-argument', 'Give exactly one course file (.chorus).')
  }
  if (values.format === undefined)
    return err('invalid-argument', `Choose a format with --format ${EXPORT_FORMATS.join('|')}.`)
  if (!isExportFormat(values.format)) {
    return err(
      'invalid-argument',
      `Unknown format "${values.format}". Use one of: ${EXPORT_FORMATS.join(', ')}.`,
    )
  }
  if (values.out === undefined || values.out === '')
    return err('invalid-argument', 'Say where to write the zip with --out FILE.zip.')
  return ok({ courseFile: positionals[0], format: values.format, out: values.out })
}

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } },
  })
