import { useCallback, useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { MIGRATION_ORIGIN } from '../../../shared/course/origins'
import { countOpenThreads } from '../../../shared/review/filters'
import { useThreads } from '../review/review-session'
import { useCourseTeam, type CourseTeam } from './course-team'
import { courseProgress } from './progress'

/** How long after an edit the progress is written: often enough to watch live, rarely enough for the relay. */
export const PROGRESS_DELAY_MS = 2_000

interface TeamProgressPublisherProps {
  readonly courseDoc: Y.Doc
}

const publishes = (team: CourseTeam | null): team is CourseTeam =>
  team !== null && team.me.role !== 'member' && team.course !== null

/**
 * While an expert or lead edits a team course, writes its progress (lessons, words, open comments, co-authors,
 * last edit) to the team space at most every two seconds, so the need's page follows it live. Nothing is written
 * for someone who only reads, nor for a course the team's catalog does not hold. Renders nothing; sits inside the
 * course's review session (for the open comments) and its CourseTeamProvider.
 */
export function TeamProgressPublisher({ courseDoc }: TeamProgressPublisherProps) {
  const team = useCourseTeam()
  const openComments = countOpenThreads(useThreads())
  const latest = useRef({ team, openComments })
  const editedAt = useRef<number | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const active = publishes(team)

  useEffect(() => {
    latest.current = { team, openComments }
  })

  const publish = useCallback((): void => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    const current = latest.current.team
    if (!publishes(current)) return
    try {
      current.reportProgress(
        courseProgress({
          courseDoc,
          me: current.me,
          previous: current.course?.progress ?? null,
          openComments: latest.current.openComments,
          editedAt: editedAt.current,
        }),
      )
    } catch (thrown) {
      // Progress is a courtesy to the team: the course itself is saved whatever happens here.
      console.warn('[team] could not report the course progress', thrown)
    }
  }, [courseDoc])
  const schedule = useCallback((): void => {
    timer.current ??= setTimeout(publish, PROGRESS_DELAY_MS)
  }, [publish])

  useEffect(() => {
    if (!active) return
    const onTransaction = (transaction: Y.Transaction): void => {
      // Only my own edits: what storage loads and what the relay brings in are someone else's (or no one's).
      if (!transaction.local || transaction.origin === MIGRATION_ORIGIN || transaction.changed.size === 0)
        return
      editedAt.current = Date.now()
      schedule()
    }
    courseDoc.on('afterTransaction', onTransaction)
    return () => {
      courseDoc.off('afterTransaction', onTransaction)
      // Leaving the course: what is still waiting is written now.
      if (timer.current !== null) publish()
    }
  }, [courseDoc, active, publish, schedule])

  // Comments opened or resolved while I write change the count the need shows.
  useEffect(() => {
    if (active && editedAt.current !== null) schedule()
  }, [active, openComments, schedule])

  return null
}
