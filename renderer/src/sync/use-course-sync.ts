import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { readSetting } from '../storage/settings'
import { connectCourse, type ConnectionStatus } from './course-sync'
import { getRelayLink } from './relay-links'

const DEFAULT_NAME = 'Anonymous author'
const DEFAULT_COLOUR = '#3b6fd4'

export interface CourseSyncState {
  /** Null for a course that is not shared (or while its link is being read). */
  readonly status: ConnectionStatus | null
  /** The relay provider, for presence; null whenever there is no connection. */
  readonly provider: WebsocketProvider | null
}

/** Syncs an open course with its relay while mounted; a course that is not shared has no connection to show. */
export const useCourseSync = (db: ChorusDb, courseId: CourseId, doc: Y.Doc): CourseSyncState => {
  const [status, setStatus] = useState<ConnectionStatus | null>(null)
  const [provider, setProvider] = useState<WebsocketProvider | null>(null)

  useEffect(() => {
    let left = false
    let stop = (): void => {}
    setStatus(null)
    setProvider(null)
    void (async () => {
      const [link, name, colour] = await Promise.all([
        getRelayLink(db, courseId),
        readSetting(db, 'displayName'),
        readSetting(db, 'colour'),
      ])
      if (left || link === undefined) return
      const sync = connectCourse({
        doc,
        relayUrl: link.relayUrl,
        courseId,
        token: link.token,
        user: { name: name ?? DEFAULT_NAME, colour: colour ?? DEFAULT_COLOUR },
      })
      const unsubscribe = sync.subscribe(setStatus)
      setStatus(sync.getStatus())
      setProvider(sync.provider)
      stop = () => (unsubscribe(), setProvider(null), sync.destroy())
    })().catch((cause: unknown) => {
      // Without the link the course still works locally; say why it is not syncing.
      console.warn(`[sync] could not start syncing course ${courseId}`, cause)
      if (!left) setStatus({ kind: 'offline' })
    })
    return () => {
      left = true
      stop()
    }
  }, [db, courseId, doc])

  return { status, provider }
}
