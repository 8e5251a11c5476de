import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { LessonId } from '../../../shared/course/types'
import { openVersion, takeVersion } from '../../../shared/history/history-doc'
import { restoreCourse, restoreLesson, type RestoreHandle } from '../../../shared/history/restore'
import type { VersionSummary } from '../../../shared/history/types'
import type { HistorySession } from './history-session'

/** The last restore made in this course view, for its "Undo restore" control. */
export interface LastRestore {
  readonly version: VersionSummary
  /** The lesson restored, or null for the whole course. */
  readonly lesson: { readonly id: LessonId; readonly title: string } | null
  readonly undone: boolean
}

export type RestoreResult = { readonly ok: true } | { readonly ok: false; readonly problem: string }

export interface Restorer {
  readonly last: LastRestore | null
  /**
   * `reviewStart` is the opened version's (useOpenedVersion): what co-authors wrote after it is kept, so a restore
   * never undoes what someone types while the restorer looks at the comparison.
   */
  restoreLesson(
    version: VersionSummary,
    lesson: { readonly id: LessonId; readonly title: string },
    reviewStart: Uint8Array,
  ): RestoreResult
  restoreCourse(version: VersionSummary, reviewStart: Uint8Array): RestoreResult
  /** Takes the last restore back out, as one change; co-authors' edits made since stay. */
  undo(): void
  /** Forgets the last restore (its undo is given up). */
  dismiss(): void
}

const DOWNLOADING =
  'This version is still downloading from the relay, so it cannot be restored yet. Stay connected and try again in a moment.'
const READ_ONLY = 'Only authors can restore versions.'

/**
 * Restores a lesson or the whole course to a version as new edits on the course now (shared/history/restore.ts),
 * keeping what co-authors wrote since the restorer opened the version, after taking a 'before-restore' version,
 * and keeps the last restore's undo for as long as the course is open.
 */
export function useRestorer(session: HistorySession | null): Restorer {
  const [last, setLast] = useState<LastRestore | null>(null)
  const handle = useRef<RestoreHandle | null>(null)
  const release = useCallback(() => {
    handle.current?.release()
    handle.current = null
  }, [])
  // Leaving the course gives up the undo, so nothing keeps listening to its document.
  useEffect(() => release, [release, session?.course])

  const restore = useCallback(
    (version: VersionSummary, lesson: LastRestore['lesson'], keepSince: Uint8Array): RestoreResult => {
      if (session === null || !session.canWrite) return { ok: false, problem: READ_ONLY }
      const versionDoc = openVersion(session.history, version.id)
      if (versionDoc === null) return { ok: false, problem: DOWNLOADING }
      try {
        takeVersion(session.history, session.course, { reason: 'before-restore', by: session.me })
        release()
        handle.current =
          lesson === null
            ? restoreCourse(session.course, versionDoc, { keepSince })
            : restoreLesson(session.course, versionDoc, lesson.id, { keepSince })
      } finally {
        versionDoc.destroy()
      }
      setLast({ version, lesson, undone: false })
      return { ok: true }
    },
    [session, release],
  )

  const undo = useCallback(() => {
    handle.current?.undo()
    release()
    setLast((current) => (current === null ? null : { ...current, undone: true }))
  }, [release])

  const dismiss = useCallback(() => {
    release()
    setLast(null)
  }, [release])

  return useMemo(
    () => ({
      last,
      restoreLesson: (version, lesson, reviewStart) => restore(version, lesson, reviewStart),
      restoreCourse: (version, reviewStart) => restore(version, null, reviewStart),
      undo,
      dismiss,
    }),
    [last, restore, undo, dismiss],
  )
}

const NO_RESTORER: Restorer = {
  last: null,
  restoreLesson: () => ({ ok: false, problem: READ_ONLY }),
  restoreCourse: () => ({ ok: false, problem: READ_ONLY }),
  undo: () => {},
  dismiss: () => {},
}

export const RestorerContext = createContext<Restorer>(NO_RESTORER)

export const useRestore = (): Restorer => useContext(RestorerContext)
