import type { LessonId } from '../../../../shared/course/types'
import type { CourseComparison } from '../../../../shared/history/types'
import { LessonComparisonView } from './LessonComparisonView'

interface VersionComparisonProps {
  readonly comparison: CourseComparison
  readonly canRestore: boolean
  readonly onRestoreLesson: (lesson: { readonly id: LessonId; readonly title: string }) => void
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** A version compared with the course now: a summary, then each lesson that differs. */
export function VersionComparison({ comparison, canRestore, onRestoreLesson }: VersionComparisonProps) {
  const { counts } = comparison
  const differing = comparison.lessons.filter((lesson) => lesson.status !== 'unchanged' || lesson.moved)
  return (
    <div className="version-comparison">
      <p>
        Since this version: {count(counts.added, 'lesson added', 'lessons added')},{' '}
        {count(counts.changed, 'changed', 'changed')}, {count(counts.removed, 'removed', 'removed')};{' '}
        {count(counts.questions, 'question change', 'question changes')}.
      </p>
      {differing.length === 0 && <p className="quiet">The course now is the same as this version.</p>}
      {differing.map((lesson) => (
        <section
          key={lesson.id}
          className="version-compared-lesson"
          aria-label={lesson.title || 'Untitled lesson'}
        >
          <h4>{lesson.title || 'Untitled lesson'}</h4>
          <LessonComparisonView lesson={lesson} />
          {canRestore && lesson.status !== 'added' && (
            <button type="button" className="button" onClick={() => onRestoreLesson(lesson)}>
              Restore this lesson<span className="visually-hidden">: {lesson.title}</span>
            </button>
          )}
        </section>
      ))}
    </div>
  )
}
