import { useId } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { TeamCourse } from '../../../../shared/team/types'
import { CourseProgressLine } from './CourseProgressLine'

interface LinkedCoursesProps {
  readonly courses: readonly TeamCourse[]
  /** Experts and leads may answer with a (further) course. */
  readonly canAnswer: boolean
  /** True while a new course is being created and stored. */
  readonly answering: boolean
  readonly now: number
  readonly onAnswer: () => void
  readonly onOpenCourse: (courseId: CourseId) => void
}

/** The courses that answer the need, with their live progress, and answering it with a new one. */
export function LinkedCourses({
  courses,
  canAnswer,
  answering,
  now,
  onAnswer,
  onOpenCourse,
}: LinkedCoursesProps) {
  const titleId = useId()
  return (
    <section className="need-section" aria-labelledby={titleId}>
      <h4 id={titleId}>Courses answering it</h4>
      {courses.length === 0 ? (
        <p className="quiet">No course answers this need yet.</p>
      ) : (
        <ul className="need-courses">
          {courses.map((course) => (
            <li key={course.id} className="need-course">
              <CourseProgressLine course={course} now={now} />
              <button
                type="button"
                className="button"
                aria-label={`Open course “${course.title}”`}
                onClick={() => onOpenCourse(course.id)}
              >
                Open course
              </button>
            </li>
          ))}
        </ul>
      )}
      {canAnswer && (
        <button type="button" className="button button-primary" onClick={onAnswer} disabled={answering}>
          {answering ? 'Creating the course…' : 'Answer with a course'}
        </button>
      )}
    </section>
  )
}
