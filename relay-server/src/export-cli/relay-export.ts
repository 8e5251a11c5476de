import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { migrate } from '../../../shared/course/migrate'
import type { CourseId } from '../../../shared/course/types'
import { readCourse } from '../../../shared/course/read'
import { err, ok, type Result } from '../../../shared/errors'
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../../shared/export/types'
import { isCourseId, roomName } from '../../../shared/protocol/rooms'
import {
  describeLocation,
  STORE_FLAGS_HELP,
  storeLocationFrom,
  withPostgres,
  type StoreLocation,
} from '../cli/store-location'
import { openPostgresCourseReader } from '../postgres/course-reader'
import { openSqliteCourseReader, type CourseReader, type StoredCourse } from '../store/course-reader'
import { exportToZip, fail, type CliOutput } from './run-export'

export const RELAY_EXPORT_USAGE = `Usage: npm run relay -- export --course ID --format ${EXPORT_FORMATS.join('|')} --out FILE.zip [--data relay-data | --postgres URL]

Exports the relay's stored copy of a course (its document and its media) as a SCORM 1.2 or SCORM 2004 (4th Edition)
package, or as a plain web site. Reads the relay's store without changing it; the relays may keep running.
${STORE_FLAGS_HELP}
Exit codes: 0 written, 1 unknown course or unreadable store,
2 a wrong command line. The zip appears whole or not at all.`

interface RelayExportArgs {
  readonly location: StoreLocation
  readonly courseId: CourseId
  readonly format: ExportFormat
  readonly out: string
}

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    strict: true,
    options: {
      data: { type: 'string' },
      postgres: { type: 'string' },
      course: { type: 'string' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
    },
  })

const parseRelayExportArgs = (argv: readonly string[], env: NodeJS.ProcessEnv): Result<RelayExportArgs> => {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(argv).values
  } catch (error) {
    return err('invalid-argument', (error as Error).message)
  }
  if (values.course === undefined || !isCourseId(values.course))
    return err('invalid-argument', 'Name the course with --course ID (letters, digits, _ and -).')
  if (values.format === undefined || !isExportFormat(values.format))
    return err('invalid-argument', `Choose a format with --format ${EXPORT_FORMATS.join('|')}.`)
  if (values.out === undefined || values.out === '')
    return err('invalid-argument', 'Say where to write the zip with --out FILE.zip.')
  const location = storeLocationFrom(values, env)
  if (!location.ok) return location
  return ok({
    location: location.value,
    courseId: values.course,
    format: values.format,
    out: values.out,
  })
}

const readWith = async (reader: CourseReader, courseId: CourseId): Promise<StoredCourse | undefined> => {
  try {
    return await reader.read(roomName({ courseId, kind: 'content' }), courseId)
  } finally {
    reader.close()
  }
}

const readStoredCourse = (location: StoreLocation, courseId: CourseId): Promise<StoredCourse | undefined> =>
  location.kind === 'sqlite'
    ? readWith(openSqliteCourseReader(location.dataDir), courseId)
    : withPostgres(location.url, (pool) => readWith(openPostgresCourseReader(pool), courseId))

/** `npm run relay -- export …`: the relay's copy of a course as a package; returns the exit code. */
export const runRelayExport = async (
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CliOutput,
): Promise<number> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(RELAY_EXPORT_USAGE)
    return 0
  }
  const args = parseRelayExportArgs(argv, env)
  if (!args.ok) return fail(io, args.error, 2, RELAY_EXPORT_USAGE)
  const { location, courseId, format, out } = args.value
  const where = describeLocation(location)

  let stored: StoredCourse | undefined
  try {
    stored = await readStoredCourse(location, courseId)
  } catch (error) {
    return fail(io, {
      code: 'storage-failed',
      message: `Cannot read the relay's store in ${where}: ${(error as Error).message}. Check ${location.kind === 'sqlite' ? '--data' : '--postgres'}.`,
    })
  }
  if (stored === undefined)
    return fail(io, {
      code: 'course-not-found',
      message: `The relay in ${where} holds no course ${courseId}.`,
    })

  const doc = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  const status = migrate(doc)
  switch (status.kind) {
    case 'current':
      break
    case 'too-new':
      return fail(io, {
        code: 'schema-too-new',
        message: `Course ${courseId} was written by a newer Chorus (schema ${status.version}); update the relay.`,
      })
    case 'uninitialised':
      return fail(io, {
        code: 'course-not-found',
        message: `The relay's copy of ${courseId} is not a course.`,
      })
  }
  const title = readCourse(doc).meta.title || courseId
  return exportToZip(io, { doc, media: stored.media, title, format, out, mediaSource: "the relay's store" })
}
