import { useEffect, useState } from 'react'
import { readCourseMeta } from '../../../shared/course/read'
import { compareCourses, releaseNotes } from '../../../shared/history/compare'
import { lastPublished, openVersion } from '../../../shared/history/history-doc'
import type { CourseComparison, VersionSummary } from '../../../shared/history/types'
import { onDocChange } from './doc-changes'
import type { HistorySession } from './history-session'

/** What changed since the course was last exported, for the export dialog. */
export type ChangesSinceExport =
  | { readonly kind: 'loading' }
  /** No version of this course was exported yet (that this device knows of). */
  | { readonly kind: 'first' }
  /** The last exported version's states have not all reached this device. */
  | { readonly kind: 'downloading'; readonly since: VersionSummary }
  | {
      readonly kind: 'ready'
      readonly since: VersionSummary
      readonly comparison: CourseComparison
      /** The changes as plain text for the LMS admin. */
      readonly notes: string
    }

/** Compares the last exported version with the course as it is now, once, and again as versions arrive. */
export function useChangesSinceExport(session: HistorySession | null): ChangesSinceExport {
  const [state, setState] = useState<ChangesSinceExport>({ kind: 'loading' })
  const history = session?.history ?? null
  const course = session?.course ?? null
  useEffect(() => {
    if (history === null || course === null) {
      setState({ kind: 'loading' })
      return
    }
    let done = false
    const read = (): void => {
      if (done) return
      const since = lastPublished(history)
      if (since === null) return setState({ kind: 'first' })
      const before = openVersion(history, since.id)
      if (before === null) return setState({ kind: 'downloading', since })
      try {
        const comparison = compareCourses(before, course)
        const notes = releaseNotes(comparison, { title: readCourseMeta(course).title }, since)
        setState({ kind: 'ready', since, comparison, notes })
        done = true
      } finally {
        before.destroy()
      }
    }
    read()
    const stop = onDocChange(history, read)
    return () => {
      done = true
      stop()
    }
  }, [history, course])
  return state
}
