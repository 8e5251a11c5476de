import type { CourseId } from '../../../../shared/course/types'
import type { TeamRole } from '../../../../shared/protocol/token'
import type { CourseState, NeedSnapshot, TeamCourse, TeamId } from '../../../../shared/team/types'
import { routeHash } from '../../navigation/route'
import { formatFullDate, formatRelativeTime } from '../../ui/relative-time'
import { courseStateLabel } from '../../team/course-state-label'
import { courseActions, courseAuthors } from './catalog-courses'

interface CatalogCourseItemProps {
  readonly teamId: TeamId
  readonly course: TeamCourse
  readonly need: NeedSnapshot | null
  readonly role: TeamRole
  readonly now: number
  readonly onOpen: (courseId: CourseId) => void
  readonly onSetState: (courseId: CourseId, state: CourseState) => void
}

/** One team course: its state, authors, the need it answers, last activity, and what my role may do with it. */
export function CatalogCourseItem({
  teamId,
  course,
  need,
  role,
  now,
  onOpen,
  onSetState,
}: CatalogCourseItemProps) {
  const title = course.title.trim() === '' ? 'Untitled course' : course.title
  const actions = courseActions(role, course)
  const authors = courseAuthors(course).map((person) => person.name)
  return (
    <li className="catalog-course" aria-label={title}>
      <h3 className="catalog-course-title">{title}</h3>
      <p className={`catalog-state catalog-state-${course.state}`}>{courseStateLabel(course.state)}</p>
      <dl className="catalog-course-facts">
        <dt>{authors.length === 1 ? 'Author' : 'Authors'}</dt>
        <dd>{authors.join(', ')}</dd>
        <dt>Answers</dt>
        <dd>
          {need === null ? (
            course.needId === null ? (
              'No need'
            ) : (
              'A need not on this device yet'
            )
          ) : (
            <a href={routeHash({ kind: 'team', teamId, view: 'needs', needId: need.id })}>{need.title}</a>
          )}
        </dd>
        <dt>Last activity</dt>
        <dd>
          <time
            dateTime={new Date(course.lastActivityAt).toISOString()}
            title={formatFullDate(course.lastActivityAt)}
          >
            {formatRelativeTime(course.lastActivityAt, now)}
          </time>
        </dd>
      </dl>
      <div className="catalog-course-actions">
        {actions.coAuthor && (
          <button
            type="button"
            className="button button-primary"
            aria-label={`Open to co-author: ${title}`}
            onClick={() => onOpen(course.id)}
          >
            Open to co-author
          </button>
        )}
        {actions.read && (
          <button
            type="button"
            className="button button-primary"
            aria-label={`Read: ${title}`}
            onClick={() => onOpen(course.id)}
          >
            Read
          </button>
        )}
        {actions.askForReview && (
          <button
            type="button"
            className="button"
            aria-label={`Ask for review: ${title}`}
            onClick={() => onSetState(course.id, 'review')}
          >
            Ask for review
          </button>
        )}
        {actions.markPublished && (
          <button
            type="button"
            className="button"
            aria-label={`Mark published: ${title}`}
            onClick={() => onSetState(course.id, 'published')}
          >
            Mark published
          </button>
        )}
      </div>
    </li>
  )
}
