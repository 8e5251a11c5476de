import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { connectCourse, type ConnectionStatus } from '../sync/course-sync'
import { getRelayLink } from '../sync/relay-links'
import { useRelayLinkVersion } from '../sync/use-relay-link-version'

/**
 * Syncs the course's review document with its `<courseId>/review` room while mounted, with the same relay and
 * token as the content, and follows a link saved while the course is open (shared from here, say) at once. Pass the document only once it is loaded from this device: the relay only adds to it.
 * Offline, comments go on being stored locally and the provider sends them when the relay is back.
 * Returns how the comments stand with the relay; null for a course that is not shared.
 */
export function useReviewSync(db: ChorusDb, courseId: CourseId, doc: Y.Doc | null): ConnectionStatus | null {
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
        const sync = connectCourse({
          doc,
          relayUrl: link.relayUrl,
          courseId,
          kind: 'review',
          token: link.token,
        })
        const unsubscribe = sync.subscribe(setStatus)
        setStatus(sync.getStatus())
        stop = () => (unsubscribe(), sync.destroy())
      },
      (cause: unknown) => {
        // Comments still work on this device; they sync the next time the course opens.
        console.warn(`[sync] could not start syncing the comments of course ${courseId}`, cause)
      },
    )
    return () => {
      left = true
      stop()
    }
  }, [db, courseId, doc, linkVersion])
  return status
}
