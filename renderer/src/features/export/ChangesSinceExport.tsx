import { nextPublishNumber } from '../../../../shared/history/history-doc'
import type { LessonComparison } from '../../../../shared/history/types'
import type { HistorySession } from '../../history/history-session'
import { useChangesSinceExport } from '../../history/use-changes-since-export'
import { CopyNotesButton } from './CopyNotesButton'
import './export-changes.css'

interface ChangesSinceExportProps {
  readonly session: HistorySession | null
}

const titled = (lesson: LessonComparison): string => lesson.title.trim() || 'Untitled lesson'

function LessonGroup({
  heading,
  lessons,
}: {
  readonly heading: string
  readonly lessons: readonly LessonComparison[]
}) {
  if (lessons.length === 0) return null
  return (
    <>
      <h3 className="export-changes-heading">
        {heading} ({lessons.length})
      </h3>
      <ul>
        {lessons.map((lesson) => (
          <li key={lesson.id}>{titled(lesson)}</li>
        ))}
      </ul>
    </>
  )
}

/**
 * What changed since the course was last exported (lessons added, changed, removed; questions changed), for the
 * LMS admin who will replace the package: copyable as release notes.
 */
export function ChangesSinceExport({ session }: ChangesSinceExportProps) {
  return (
    <section className="export-changes" aria-label="Changes since the last export">
      <Changes session={session} />
      {session !== null && (
        <p className="quiet">
          {session.canWrite
            ? `This export will be version ${nextPublishNumber(session.history)} of the course.`
            : 'Only authors number exports: this package will carry no version number.'}
        </p>
      )}
    </section>
  )
}

function Changes({ session }: ChangesSinceExportProps) {
  const changes = useChangesSinceExport(session)
  switch (changes.kind) {
    case 'loading':
      return null
    case 'first':
      return <p>First export of this course.</p>
    case 'downloading':
      return (
        <p role="status">
          The last exported version (v{changes.since.published?.number}) is still downloading from the relay,
          so the changes since it cannot be listed yet.
        </p>
      )
    case 'ready': {
      const { comparison, since } = changes
      const pick = (status: LessonComparison['status']) =>
        comparison.lessons.filter((lesson) => lesson.status === status)
      const questions = comparison.lessons.flatMap((lesson) =>
        lesson.questions.map((question, index) => ({ lesson, question, key: `${lesson.id}:${index}` })),
      )
      const none = comparison.lessons.every((lesson) => lesson.status === 'unchanged')
      return (
        <>
          <h3 className="export-changes-title">
            Changes since version {since.published?.number} (exported{' '}
            {new Date(since.createdAt).toLocaleDateString()})
          </h3>
          {none && <p>No lesson changed since then.</p>}
          <div className="export-changes-list">
            <LessonGroup heading="Lessons added" lessons={pick('added')} />
            <LessonGroup heading="Lessons changed" lessons={pick('changed')} />
            <LessonGroup heading="Lessons removed" lessons={pick('removed')} />
            {questions.length > 0 && (
              <>
                <h3 className="export-changes-heading">Questions changed ({questions.length})</h3>
                <ul>
                  {questions.map(({ lesson, question, key }) => (
                    <li key={key}>
                      {question.prompt || 'A question'} in {titled(lesson)}:{' '}
                      {question.kind === 'changed' ? `changed (${question.what.join(', ')})` : question.kind}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <CopyNotesButton text={changes.notes} />
        </>
      )
    }
  }
}
