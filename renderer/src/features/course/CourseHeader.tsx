import type { ReactNode } from 'react'
import type { Doc } from 'yjs'
import { renameCourse } from '../../../../shared/course/commands'
import { routeHash } from '../../navigation/route'
import type { CourseStore } from '../../storage/course-store'
import type { ConnectionSource } from '../../sync/course-sync'
import { AnswersNeed } from '../../team/AnswersNeed'
import { TitleField } from '../../ui/TitleField'
import { ConnectionIndicator } from './ConnectionIndicator'
import { MediaTransferStatus } from './MediaTransferStatus'
import { PeopleOnline } from './PeopleOnline'
import { SaveIndicator } from './SaveIndicator'

interface CourseHeaderProps {
  readonly doc: Doc
  readonly title: string
  readonly readOnly: boolean
  readonly store: CourseStore
  /** Null for a course that is not shared. */
  readonly connection: ConnectionSource | null
  /** Buttons for the whole course (save a copy, export), owned by their features. */
  readonly actions?: ReactNode
}

export function CourseHeader({ doc, title, readOnly, store, connection, actions }: CourseHeaderProps) {
  return (
    <header className="course-header">
      {/* The title is an input, so screen-reader users get the page heading from here. */}
      <h1 className="visually-hidden">{title}</h1>
      {/* Title and status first; the actions follow, on the same row when it is wide enough, else on their own. */}
      <div className="course-header-main">
        <a className="back-link" href={routeHash({ kind: 'library' })}>
          <span aria-hidden="true">← </span>Library
        </a>
        <TitleField
          className="course-title"
          label="Course title"
          value={title}
          disabled={readOnly}
          onCommit={(next) => renameCourse(doc, next)}
        />
        <AnswersNeed />
        <div className="course-status">
          <SaveIndicator store={store} />
          {connection && <ConnectionIndicator connection={connection} />}
          {connection && <MediaTransferStatus doc={doc} />}
          {connection && <PeopleOnline />}
        </div>
      </div>
      {actions && (
        <div className="course-actions" role="group" aria-label="Course actions">
          {actions}
        </div>
      )}
    </header>
  )
}
