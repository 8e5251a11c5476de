import { useCallback, useRef, useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import { ok, type ChorusError, type Result } from '../../../../shared/errors'
import type { Route } from '../../navigation/route'
import { usePlatform } from '../../platform/use-platform'
import type { ChorusDb } from '../../storage/db'
import { COURSE_FILE_FILTERS } from './course-file-filters'
import { fetchSampleCourse, importCourseFile } from './import-course-file'

/** The decoder says what is wrong with a damaged file; the user also needs to know what to do about it. */
const explainOpenFailure = (error: ChorusError): ChorusError =>
  error.code === 'file-corrupt'
    ? {
        ...error,
        message: `${error.message} Pick a .chorus file saved by Chorus, or ask whoever sent it for a new copy.`,
      }
    : error

export interface CourseFileImport {
  /** Asks for a `.chorus` file, imports it and opens the course. */
  readonly openFile: () => void
  /** Imports the bundled sample course and opens it. */
  readonly openSample: () => void
  readonly busy: boolean
}

/** Opening course files lives in the app shell, because the desktop menu's "Open…" works from any view. */
export const useCourseFileImport = (
  db: ChorusDb,
  navigate: (route: Route) => void,
  report: (error: ChorusError) => void,
): CourseFileImport => {
  const platform = usePlatform()
  const [busy, setBusy] = useState(false)
  const running = useRef(false)

  const run = useCallback(
    (read: () => Promise<Result<Uint8Array | null>>) => {
      if (running.current) return
      running.current = true
      setBusy(true)
      void (async (): Promise<Result<CourseId | null>> => {
        const bytes = await read()
        if (!bytes.ok) return bytes
        if (bytes.value === null) return ok(null)
        return importCourseFile(db, bytes.value)
      })().then((result) => {
        running.current = false
        setBusy(false)
        if (!result.ok) report(explainOpenFailure(result.error))
        else if (result.value !== null) navigate({ kind: 'course', courseId: result.value, lessonId: null })
      })
    },
    [db, navigate, report],
  )

  const openFile = useCallback(
    () =>
      run(async () => {
        const picked = await platform.openFile(COURSE_FILE_FILTERS)
        if (!picked.ok) return picked
        return ok(picked.value?.bytes ?? null)
      }),
    [platform, run],
  )
  const openSample = useCallback(() => run(fetchSampleCourse), [run])
  return { openFile, openSample, busy }
}
