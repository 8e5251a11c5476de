import type { VersionId, VersionSummary } from '../../../../shared/history/types'
import { formatFullDate } from '../../ui/relative-time'
import { lessonList, versionLabel } from './version-label'

interface VersionListProps {
  readonly versions: readonly VersionSummary[]
  readonly onOpen: (id: VersionId, mode: 'view' | 'compare') => void
}

/** Every version, newest first: what it is, when and by whom, who contributed since the one before, what changed. */
export function VersionList({ versions, onOpen }: VersionListProps) {
  if (versions.length === 0)
    return (
      <p className="quiet">
        No versions yet. Save one by name above; Chorus also saves one on each export, before any restore and
        every hour while the course is being edited.
      </p>
    )
  return (
    <ul className="version-list" aria-label="Versions">
      {versions.map((version) => {
        const label = versionLabel(version)
        return (
          <li key={version.id} className="version-item">
            <h3 className="version-title">{label}</h3>
            <p className="quiet">
              {formatFullDate(version.createdAt)} · saved by {version.createdBy.name}
            </p>
            <p>
              {version.contributors.length === 0
                ? 'Nobody changed the course since the previous version.'
                : `Contributed since the previous version: ${version.contributors.map((p) => p.name).join(', ')}`}
            </p>
            {version.changedLessons.length > 0 && (
              <p>Lessons changed: {lessonList(version.changedLessons.map((lesson) => lesson.title))}</p>
            )}
            <div className="version-actions">
              <button type="button" className="button" onClick={() => onOpen(version.id, 'view')}>
                View<span className="visually-hidden"> {label}</span>
              </button>
              <button type="button" className="button" onClick={() => onOpen(version.id, 'compare')}>
                Compare with now<span className="visually-hidden">: {label}</span>
              </button>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
