import { useState } from 'react'
import type { ChorusError } from '../../../../shared/errors'
import type { ThreadId } from '../../../../shared/review/types'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { prepareTeamCourse } from '../../team/team-course-links'
import { LIBRARY_ROUTE, routeHash, type Route } from '../../navigation/route'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { useNow } from '../../ui/use-now'
import { ForMeItem } from './ForMeItem'
import { unreadCount, type ForMeEntry } from './for-me-entries'
import { useForMe } from './use-for-me'
import './for-me.css'

interface ForMeViewProps {
  readonly db: ChorusDb
  readonly navigate: (route: Route) => void
}

/** Where opening an entry goes: the need on its team's board, or the course at the thread, in its lesson. */
export const entryRoute = (entry: ForMeEntry): Route => {
  const { target } = entry.item
  switch (target.kind) {
    case 'need':
      return { kind: 'team', teamId: target.teamId, view: 'needs', needId: target.needId }
    case 'course':
      return entry.lessonId !== null && target.threadId !== null
        ? {
            kind: 'course',
            courseId: target.courseId,
            lessonId: entry.lessonId,
            threadId: target.threadId as ThreadId,
          }
        : { kind: 'course', courseId: target.courseId, lessonId: entry.lessonId }
  }
}

/**
 * One inbox for everything that concerns me across my teams and courses: needs I asked or voted for that were
 * claimed or published, mentions in need discussions and comments, threads on my courses. Opening an item marks it
 * read (in its team's space, so on all my devices; else on this one).
 */
export function ForMeView({ db, navigate }: ForMeViewProps) {
  const forMe = useForMe(db)
  const now = useNow(30_000)
  const unread = unreadCount(forMe.entries)

  const [failure, setFailure] = useState<ChorusError | null>(null)
  const open = (entry: ForMeEntry) => {
    setFailure(null)
    const { target } = entry.item
    const { teamCourse } = entry
    const ready =
      target.kind === 'course' && teamCourse !== null
        ? prepareTeamCourse(db, teamCourse.teamId, target.courseId, teamCourse.title)
        : Promise.resolve()
    Promise.all([ready, forMe.markRead([entry])]).then(
      () => navigate(entryRoute(entry)),
      (cause: unknown) => setFailure(toStorageError(cause)),
    )
  }

  return (
    <main className="for-me">
      <header className="for-me-header">
        <a className="button button-quiet" href={routeHash(LIBRARY_ROUTE)}>
          ← Your courses
        </a>
        <h1>For me</h1>
        <p className="quiet" aria-live="polite">
          {unread === 0 ? 'Nothing unread.' : `${unread} unread`}
        </p>
        <button
          type="button"
          className="button"
          disabled={unread === 0}
          onClick={() => void forMe.markRead(forMe.entries)}
        >
          Mark all read
        </button>
      </header>
      {forMe.problem !== null && <ErrorNotice error={forMe.problem} />}
      {failure !== null && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
      {!forMe.ready ? (
        <p className="quiet">Reading your teams and comments…</p>
      ) : forMe.entries.length === 0 ? (
        <p className="quiet">
          Nothing for you yet. When a need you declared or voted for is claimed or published, someone mentions
          you, or someone comments on a course you write, it shows here.
        </p>
      ) : (
        <ul className="for-me-list" aria-label="For me">
          {forMe.entries.map((entry) => (
            <ForMeItem key={entry.item.key} entry={entry} now={now} onOpen={() => open(entry)} />
          ))}
        </ul>
      )}
    </main>
  )
}
