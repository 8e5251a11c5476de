import { useId, useState } from 'react'
import type { ChorusError } from '../../../../shared/errors'
import type { ChorusDb, LibraryEntry } from '../../storage/db'
import type { CourseFileImport } from '../files/use-course-file-import'
import { ImportDocumentButton } from '../import/ImportDocumentButton'
import { IdentityNote } from '../settings/IdentityNote'
import { SettingsButton } from '../settings/SettingsButton'
import { deleteCourse } from '../../storage/library'
import { toStorageError } from '../../storage/storage-error'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { PromptDialog } from '../../ui/PromptDialog'
import { matchesQuery } from '../../ui/text-match'
import { useNow } from '../../ui/use-now'
import { CourseListItem } from './CourseListItem'
import { EmptyLibrary } from './EmptyLibrary'
import { ForMeButton } from './ForMeButton'
import { LibraryTeams } from './LibraryTeams'
import { requireCourseTitle } from './course-title'
import { renameStoredCourse } from './rename-stored-course'
import { useLibrary } from './use-library'
import { useCourseRoles } from './use-course-roles'

interface LibraryViewProps {
  readonly db: ChorusDb
  /** Creating lives in the app shell, because the desktop menu's "New Course" works from any view. */
  readonly onNewCourse: () => void
  readonly onJoinCourse: () => void
  /** Opening course files lives in the app shell too, for the desktop menu's "Open…". */
  readonly courseFiles: CourseFileImport
}

type Pending =
  | { readonly kind: 'rename'; readonly entry: LibraryEntry }
  | { readonly kind: 'delete'; readonly entry: LibraryEntry }

export function LibraryView({ db, onNewCourse, onJoinCourse, courseFiles }: LibraryViewProps) {
  const library = useLibrary(db)
  const roles = useCourseRoles(db)
  const now = useNow(30_000)
  const [query, setQuery] = useState('')
  const filterId = useId()
  const [pending, setPending] = useState<Pending | null>(null)
  const [failure, setFailure] = useState<ChorusError | null>(null)

  const run = async (action: () => Promise<void>) => {
    setPending(null)
    setFailure(null)
    try {
      await action()
    } catch (cause) {
      setFailure(toStorageError(cause))
    }
  }

  const entries = library.status === 'ready' ? library.entries : []
  const shown = entries.filter((entry) => matchesQuery(entry.title, query))

  return (
    <main className="library">
      {/* The title and the actions share the top row; the notes and the way to For me run full width under them,
          so they never squeeze the buttons onto several lines. */}
      <header className="library-header">
        <div className="library-header-row">
          <h1 className="library-title">Your courses</h1>
          <div className="library-actions">
            <button
              type="button"
              className="button"
              onClick={courseFiles.openFile}
              disabled={courseFiles.busy}
            >
              Open course file…
            </button>
            <ImportDocumentButton db={db} target={{ kind: 'new-course' }} />
            <button type="button" className="button" onClick={onJoinCourse}>
              Join shared course
            </button>
            <SettingsButton db={db} />
            <button type="button" className="button button-primary" onClick={onNewCourse}>
              New course
            </button>
          </div>
        </div>
        <div className="library-notes-row">
          <p className="library-subtitle">Saved on this device. Chorus works offline.</p>
          <ForMeButton db={db} />
        </div>
        <IdentityNote db={db} />
      </header>

      {failure && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
      <LibraryTeams db={db} />
      {library.status === 'failed' && <ErrorNotice error={library.error} />}
      {library.status === 'loading' && <p className="quiet">Loading your courses…</p>}
      {library.status === 'ready' && entries.length === 0 && (
        <EmptyLibrary onCreate={onNewCourse} onTrySample={courseFiles.openSample} busy={courseFiles.busy} />
      )}

      {entries.length > 0 && (
        <>
          <label className="field-label" htmlFor={filterId}>
            Filter courses
          </label>
          <input
            id={filterId}
            type="search"
            className="text-input library-filter"
            placeholder="Part of a title"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          {shown.length === 0 ? (
            <p className="quiet">No course title contains “{query.trim()}”.</p>
          ) : (
            <ul className="course-list" aria-label="Courses">
              {shown.map((entry) => (
                <CourseListItem
                  key={entry.id}
                  entry={entry}
                  now={now}
                  role={roles.get(entry.id)}
                  onRename={() => setPending({ kind: 'rename', entry })}
                  onDelete={() => setPending({ kind: 'delete', entry })}
                />
              ))}
            </ul>
          )}
        </>
      )}

      {pending?.kind === 'rename' && (
        <PromptDialog
          title="Rename course"
          label="Course title"
          initialValue={pending.entry.title}
          submitLabel="Rename"
          validate={requireCourseTitle}
          onSubmit={(title) => void run(() => renameStoredCourse(db, pending.entry.id, title.trim()))}
          onCancel={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete “${pending.entry.title}”?`}
          message="The course and all its lessons are removed from this device. This cannot be undone."
          confirmLabel="Delete course"
          onConfirm={() => void run(() => deleteCourse(db, pending.entry.id))}
          onCancel={() => setPending(null)}
        />
      )}
    </main>
  )
}
