import { useId, useState } from 'react'
import type { CourseId } from '../../../../shared/course/types'
import type { CourseState } from '../../../../shared/team/types'
import type { TeamSession } from '../../team/team-session'
import { SegmentedChoice } from '../../ui/SegmentedChoice'
import { useNow } from '../../ui/use-now'
import { CatalogCourseItem } from './CatalogCourseItem'
import {
  answeredNeed,
  catalogCourses,
  catalogFilterLabel,
  catalogFilters,
  type CatalogFilter,
} from './catalog-courses'
import { courseStateLabel } from '../../team/course-state-label'
import './catalog.css'

interface TeamCatalogProps {
  readonly session: TeamSession
  /** Opens a team course: in the editor for experts and leads, in the learner view for members. */
  readonly onOpenCourse: (courseId: CourseId) => void
}

/** Every team course my role may see, with what each answers and how far along it is. */
export function TeamCatalog({ session, onOpenCourse }: TeamCatalogProps) {
  const { snapshot, me, commands } = session
  const now = useNow(30_000)
  const [filter, setFilter] = useState<CatalogFilter>('all')
  const [problem, setProblem] = useState<string | null>(null)
  const headingId = useId()
  const filters = catalogFilters(me.role)
  const shown = catalogCourses(snapshot.courses, me.role, filter)

  const setState = (courseId: CourseId, state: CourseState) => {
    setProblem(null)
    try {
      commands.setCourseState(courseId, state)
    } catch (cause) {
      // The commands refuse, with a message to show, what the relay would refuse.
      if (!(cause instanceof RangeError)) throw cause
      setProblem(cause.message)
    }
  }

  return (
    <section className="catalog" aria-labelledby={headingId}>
      <h2 id={headingId}>Team catalog</h2>
      {me.role === 'member' && (
        <p className="quiet">
          Published courses of the team. Courses still being written appear once published.
        </p>
      )}
      {filters.length > 0 && (
        <SegmentedChoice
          legend="Show courses"
          name="catalog-filter"
          options={filters.map((value) => ({ value, label: catalogFilterLabel(value) }))}
          value={filter}
          onChange={setFilter}
        />
      )}
      {problem !== null && (
        <p className="error-notice" role="alert">
          {problem}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="quiet">{emptyText(filter, me.role === 'member')}</p>
      ) : (
        <ul className="catalog-list" aria-label="Team courses">
          {shown.map((course) => (
            <CatalogCourseItem
              key={course.id}
              teamId={session.teamId}
              course={course}
              need={answeredNeed(snapshot, course)}
              role={me.role}
              now={now}
              onOpen={onOpenCourse}
              onSetState={setState}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

const emptyText = (filter: CatalogFilter, member: boolean): string => {
  if (member) return 'No published course yet. Declare or vote for a need on the board to ask for one.'
  if (filter !== 'all') return `No course is ${courseStateLabel(filter).toLowerCase()} right now.`
  return 'No team course yet. Answer a need on the board with a course to start one.'
}
