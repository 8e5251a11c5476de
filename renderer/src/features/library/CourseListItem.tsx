import type { Role } from '../../../../shared/protocol/token'
import { routeHash } from '../../navigation/route'
import { roleLabel } from '../../ui/role-label'
import { formatFullDate, formatRelativeTime } from '../../ui/relative-time'
import type { LibraryEntry } from '../../storage/db'

interface CourseListItemProps {
  readonly entry: LibraryEntry
  readonly now: number
  /** The role the course's invite grants; absent for a course on this device only. */
  readonly role?: Role
  readonly onRename: () => void
  readonly onDelete: () => void
}

export function CourseListItem({ entry, now, role, onRename, onDelete }: CourseListItemProps) {
  const title = entry.title.trim() === '' ? 'Untitled course' : entry.title
  return (
    <li className="course-card">
      <a
        className="course-card-link"
        href={routeHash({ kind: 'course', courseId: entry.id, lessonId: null })}
      >
        {title}
      </a>
      <p className="course-card-meta">
        Edited{' '}
        <time dateTime={new Date(entry.updatedAt).toISOString()} title={formatFullDate(entry.updatedAt)}>
          {formatRelativeTime(entry.updatedAt, now)}
        </time>
        {role !== undefined && role !== 'author' && ` · You are a ${roleLabel(role)}`}
      </p>
      <div className="course-card-actions">
        {/* A pilot learner takes the course; its title is the authors'. */}
        {role !== 'learner' && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={`Rename course “${title}”`}
            onClick={onRename}
          >
            Rename
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          aria-label={`Delete course “${title}”`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  )
}
