import { useEffect, useMemo, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusError } from '../../../shared/errors'
import { registerWriter } from '../../../shared/history/history-doc'
import { canWrite } from '../../../shared/protocol/rooms'
import type { IdentityState } from '../review/use-course-identity'
import type { ChorusDb } from '../storage/db'
import { useOpenStore } from '../storage/use-open-store'
import { useRoomSync } from '../sync/use-room-sync'
import { HistoryProblemContext, HistorySessionContext, type HistorySession } from './history-session'
import { openHistoryStore } from './history-store'
import { useHistoryStoreProblem } from './use-history-problem'
import { useHourlyVersions } from './use-hourly-versions'
import { RestorerContext, useRestorer } from './use-restorer'
import { useVersions } from './use-versions'

interface HistorySessionProviderProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly course: Y.Doc
  readonly identity: IdentityState
  /** Whether the course's content may be changed here at all (not a course from a newer Chorus, say). */
  readonly contentEditable: boolean
  readonly onCloseFailed: (error: ChorusError) => void
  readonly children: ReactNode
}

/**
 * Opens the course's versions from this device, syncs them through the relay's history room, records which
 * Yjs client of the course is this user (so versions can say who contributed), takes the hourly automatic
 * versions while this user edits, and gives the History panel and the export dialog their session.
 */
export function HistorySessionProvider({
  db,
  courseId,
  course,
  identity,
  contentEditable,
  onCloseFailed,
  children,
}: HistorySessionProviderProps) {
  const store = useOpenStore(openHistoryStore, db, courseId, onCloseFailed)
  const history = store.status === 'open' ? store.store.doc : null
  const sync = useRoomSync(db, courseId, 'history', history)
  const versions = useVersions(history)
  const known = identity.status === 'known' ? identity.identity : null
  const writer = known !== null && contentEditable && canWrite(known.role, 'history') ? known.me : null

  useEffect(() => {
    if (history !== null && writer !== null) registerWriter(history, course.clientID, writer)
  }, [history, course, writer])
  useHourlyVersions(history, course, writer)

  const session = useMemo((): HistorySession | null => {
    if (history === null || known === null) return null
    return { history, course, me: known.me, canWrite: writer !== null, versions, sync }
  }, [history, course, known, writer, versions, sync])
  const restorer = useRestorer(session)
  const problem = useHistoryStoreProblem(store)

  return (
    <HistorySessionContext value={session}>
      <HistoryProblemContext value={problem}>
        <RestorerContext value={restorer}>{children}</RestorerContext>
      </HistoryProblemContext>
    </HistorySessionContext>
  )
}
