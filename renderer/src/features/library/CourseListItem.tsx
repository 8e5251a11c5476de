import { routeHash } from '../../navigation/route'
import { formatFullDate, formatRelativeTime } from '../../ui/relative-time'
import type { LibraryEntry } from '../../storage/db'

interface CourseListItemProps {
  readonly entry: LibraryEntry
  readonly now: number
  readonly onRename: () => void
  readonly onDelete: () => void
}

export function CourseListItem({ entry, now, onRename, onDelete }: CourseListItemProps) {
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
      </p>
      <div className="course-card-actions">
        <button
          type="button"
          className="button button-quiet"
          aria-label={`Rename course “${title}”`}
          onClick={onRename}
        >
          Rename
        </button>
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
