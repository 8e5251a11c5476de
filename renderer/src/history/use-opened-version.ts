import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { ContentNode } from '../../../shared/course/content'
import { readLessonContent } from '../../../shared/course/content-io'
import { readCourse } from '../../../shared/course/read'
import type { CourseSnapshot, LessonId } from '../../../shared/course/types'
import { compareCourses } from '../../../shared/history/compare'
import { openVersion } from '../../../shared/history/history-doc'
import { beginReview } from '../../../shared/history/restore'
import type { CourseComparison, VersionId } from '../../../shared/history/types'
import { onDocChange } from './doc-changes'
import type { HistorySession } from './history-session'

/** A version rebuilt on this device, read-only. */
export type OpenedVersion =
  | { readonly status: 'opening' }
  /** Not every state this version needs is on this device yet; it opens by itself once they arrive. */
  | { readonly status: 'downloading' }
  | {
      readonly status: 'open'
      readonly course: CourseSnapshot
      readonly lessonContent: (id: LessonId) => ContentNode
      /** The version compared with the course now (older → now), kept current while the course changes. */
      readonly comparison: CourseComparison
      /**
       * The course's state when this version opened here (review began): a restore from this view reverts what
       * was reviewed and keeps what co-authors write from then on, though the comparison shows it as it arrives.
       */
      readonly reviewStart: Uint8Array
    }

/** How long the course must be still before the comparison with it is made again: typing is not slowed. */
const COMPARE_AGAIN_AFTER_MS = 400

/**
 * Rebuilds a version of the course from the history document (null: none chosen), and compares it with the
 * course now. A version still downloading is tried again as the history document receives more.
 */
export function useOpenedVersion(session: HistorySession | null, id: VersionId | null): OpenedVersion {
  const [state, setState] = useState<OpenedVersion>({ status: 'opening' })
  const history = session?.history ?? null
  const course = session?.course ?? null
  useEffect(() => {
    setState({ status: 'opening' })
    if (history === null || course === null || id === null) return
    let versionDoc: Y.Doc | null = null
    let reviewStart: Uint8Array = new Uint8Array()
    let timer: ReturnType<typeof setTimeout> | undefined
    const show = (doc: Y.Doc): void =>
      setState({
        status: 'open',
        course: readCourse(doc),
        lessonContent: (lessonId) => readLessonContent(doc, lessonId),
        comparison: compareCourses(doc, course),
        reviewStart,
      })
    const tryOpen = (): void => {
      if (versionDoc !== null) return
      versionDoc = openVersion(history, id)
      if (versionDoc === null) setState({ status: 'downloading' })
      else {
        // Review begins when the version is first shown, not while it is still downloading.
        reviewStart = beginReview(course)
        show(versionDoc)
      }
    }
    tryOpen()
    const stopHistory = onDocChange(history, tryOpen)
    const stopCourse = onDocChange(course, () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        if (versionDoc !== null) show(versionDoc)
      }, COMPARE_AGAIN_AFTER_MS)
    })
    return () => {
      stopHistory()
      stopCourse()
      clearTimeout(timer)
      versionDoc?.destroy()
    }
  }, [history, course, id])
  return state
}
