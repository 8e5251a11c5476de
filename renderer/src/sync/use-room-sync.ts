import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { RoomKind } from '../../../shared/protocol/rooms'
import type { ChorusDb } from '../storage/db'
import { connectCourse, type ConnectionStatus } from './course-sync'
import { getRelayLink } from './relay-links'
import { useRelayLinkVersion } from './use-relay-link-version'

/**
 * Syncs one of a course's side documents (review comments, versions, feedback) with its `<courseId>/<kind>` room
 * while mounted, with the same relay and token as the content, and follows a link saved while the course is open
 * (shared from here, say) at once. Pass the document only once it is loaded from this device: the relay only adds
 * to it. Offline, changes go on being stored locally and the provider sends them when the relay is back.
 * Returns how the document stands with the relay; null for a course that is not shared.
 */
export function useRoomSync(
  db: ChorusDb,
  courseId: CourseId,
  kind: Exclude<RoomKind, 'content'>,
  doc: Y.Doc | null,
): ConnectionStatus | null {
  const [status, setStatus] = useState<ConnectionStatus | null>(null)
  const linkVersion = useRelayLinkVersion(courseId)
  useEffect(() => {
    setStatus(null)
    if (doc === null) return
    let left = false
    let stop = (): void => {}
    getRelayLink(db, courseId).then(
      (link) => {
        if (left || link === undefined) return
        const sync = connectCourse({ doc, relayUrl: link.relayUrl, courseId, kind, token: link.token })
        const unsubscribe = sync.subscribe(setStatus)
        setStatus(sync.getStatus())
        stop = () => (unsubscribe(), sync.destroy())
      },
      (cause: unknown) => {
        // The document still works on this device; it syncs the next time the course opens.
        console.warn(`[sync] could not start syncing the ${kind} room of course ${courseId}`, cause)
      },
    )
    return () => {
      left = true
      stop()
    }
  }, [db, courseId, kind, doc, linkVersion])
  return status
}
