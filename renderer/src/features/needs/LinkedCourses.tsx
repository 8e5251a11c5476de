import { useId } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import { teamCourseRole } from '../../../../shared/protocol/team-access'
import type { TeamRole } from '../../../../shared/protocol/token'
import type { TeamCourse } from '../../../../shared/team/types'
import { CourseProgressLine } from './CourseProgressLine'

interface LinkedCoursesProps {
  readonly courses: readonly TeamCourse[]
  /** My team role: it decides whether I may open each course (the relay's rule), and as what. */
  readonly role: TeamRole
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
  role,
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
              <OpenCourseButton course={course} role={role} onOpenCourse={onOpenCourse} />
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

/**
 * Experts and leads open a course to co-author it; members read it once it is published, and before that see no
 * button at all, since the relay would refuse them (shared/protocol/team-access.ts).
 */
function OpenCourseButton({
  course,
  role,
  onOpenCourse,
}: {
  readonly course: TeamCourse
  readonly role: TeamRole
  readonly onOpenCourse: (courseId: CourseId) => void
}) {
  const courseRole = teamCourseRole(role, course.state === 'published')
  if (courseRole === null) return <p className="quiet">You can read it once a team lead publishes it.</p>
  const reads = courseRole === 'learner'
  return (
    <button
      type="button"
      className="button"
      aria-label={`${reads ? 'Read course' : 'Open course'} “${course.title}”`}
      onClick={() => onOpenCourse(course.id)}
    >
      {reads ? 'Read course' : 'Open course'}
    </button>
  )
}
