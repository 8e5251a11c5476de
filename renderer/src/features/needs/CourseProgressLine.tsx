import type { TeamCourse } from '../../../../shared/team/types'
import { courseStateLabel } from '../../team/course-state-label'
import { progressFacts } from './course-progress'
import { When } from './When'

interface CourseProgressLineProps {
  readonly course: TeamCourse
  readonly now: number
}

/** One linked course's state and live progress: lessons, words, open comments, co-authors, the last edit. */
export function CourseProgressLine({ course, now }: CourseProgressLineProps) {
  const { progress } = course
  return (
    <p className="need-course-progress">
      <span className="need-course-title">“{course.title}”</span> · {courseStateLabel(course.state)}
      {progress === null ? (
        <> · no edits yet</>
      ) : (
        <>
          {progressFacts(progress).map((fact) => (
            <span key={fact}> · {fact}</span>
          ))}
          {progress.lastEditAt !== null && (
            <>
              {' '}
              · Last edit{progress.lastEditBy !== null && <> by {progress.lastEditBy.name}</>}{' '}
              <When at={progress.lastEditAt} now={now} />
            </>
          )}
        </>
      )}
    </p>
  )
}
