import { useState } from 'react'
import type { LessonId } from '../../../../shared/course/types'
import type { VersionSummary } from '../../../../shared/history/types'
import type { HistorySession } from '../../history/history-session'
import { useOpenedVersion } from '../../history/use-opened-version'
import { useRestore, type RestoreResult } from '../../history/use-restorer'
import type { ChorusDb } from '../../storage/db'
import { SegmentedChoice } from '../../ui/SegmentedChoice'
import { formatFullDate } from '../../ui/relative-time'
import { LessonContent } from './LessonContent'
import { RestoreStatus } from './RestoreStatus'
import { VersionComparison } from './VersionComparison'
import { VersionOutline } from './VersionOutline'
import { versionLabel } from './version-label'

export type VersionMode = 'view' | 'compare'

interface VersionDetailProps {
  readonly db: ChorusDb
  readonly session: HistorySession
  readonly version: VersionSummary
  readonly mode: VersionMode
  readonly onMode: (mode: VersionMode) => void
  readonly onBack: () => void
}

const MODES = [
  { value: 'view', label: 'View' },
  { value: 'compare', label: 'Compare with now' },
] as const

/** One version, read-only: its outline and lessons, or what changed between it and the course now; and restoring. */
export function VersionDetail({ db, session, version, mode, onMode, onBack }: VersionDetailProps) {
  const opened = useOpenedVersion(session, version.id)
  const restorer = useRestore()
  const [chosen, setChosen] = useState<LessonId | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const label = versionLabel(version)

  const report = (result: RestoreResult) => setProblem(result.ok ? null : result.problem)
  // What co-authors write after the version opened here is kept by the restore (reviewStart).
  const restoreLesson = (
    lesson: { readonly id: LessonId; readonly title: string },
    reviewStart: Uint8Array,
  ) => report(restorer.restoreLesson(version, lesson, reviewStart))

  const body = () => {
    switch (opened.status) {
      case 'opening':
        return <p className="quiet">Opening this version…</p>
      case 'downloading':
        return (
          <p role="status">
            This version is still downloading from the relay. It opens here by itself once all of it has
            arrived; stay connected.
          </p>
        )
      case 'open': {
        if (mode === 'compare')
          return (
            <VersionComparison
              comparison={opened.comparison}
              canRestore={session.canWrite}
              onRestoreLesson={(lesson) => restoreLesson(lesson, opened.reviewStart)}
            />
          )
        const lessons = opened.course.sections.flatMap((section) => section.lessons)
        const shown = lessons.find((lesson) => lesson.id === chosen) ?? lessons[0]
        return (
          <div className="version-view">
            <VersionOutline course={opened.course} selected={shown?.id ?? null} onSelect={setChosen} />
            <article className="version-lesson-pane" aria-label="Lesson in this version">
              {shown === undefined ? (
                <p className="quiet">This version has no lessons.</p>
              ) : (
                <>
                  <h3>{shown.title || 'Untitled lesson'}</h3>
                  {session.canWrite && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => restoreLesson(shown, opened.reviewStart)}
                    >
                      Restore this lesson
                    </button>
                  )}
                  <LessonContent db={db} content={opened.lessonContent(shown.id)} />
                </>
              )}
            </article>
          </div>
        )
      }
    }
  }

  return (
    <section className="version-detail" aria-label={`Version: ${label}`}>
      <div className="version-detail-bar">
        <button type="button" className="button button-quiet" onClick={onBack}>
          ← All versions
        </button>
        <div>
          <h3 className="version-title">{label}</h3>
          <p className="quiet">
            {formatFullDate(version.createdAt)} · saved by {version.createdBy.name}
          </p>
        </div>
        <SegmentedChoice legend="Show" name="version-mode" options={MODES} value={mode} onChange={onMode} />
        {session.canWrite && opened.status === 'open' && (
          <button
            type="button"
            className="button"
            onClick={() => report(restorer.restoreCourse(version, opened.reviewStart))}
          >
            Restore whole course
          </button>
        )}
      </div>
      {problem !== null && (
        <p className="error-notice" role="alert">
          {problem}
        </p>
      )}
      <RestoreStatus />
      {body()}
    </section>
  )
}
