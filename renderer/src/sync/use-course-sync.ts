import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { PresenceUser } from '../../../shared/protocol/presence'
import type { ChorusDb } from '../storage/db'
import { courseClaimsOf } from './course-claims'
import { connectCourse, fixedConnection, type ConnectionSource, type SyncUser } from './course-sync'
import { startMediaSync } from './media-sync'
import { mediaTransferFeed } from './media-transfer-feed'
import { getRelayLink } from './relay-links'
import { loadSyncUser, onSyncUserSaved } from './sync-user'
import { useRelayLinkVersion } from './use-relay-link-version'

export interface CourseSyncState {
  /** Null for a course that is not shared (or while its link is being read). */
  readonly connection: ConnectionSource | null
  /** The relay provider, for presence; null whenever there is no connection. */
  readonly provider: WebsocketProvider | null
  /** Whether the course has a relay link; null while it is being read. */
  readonly shared: boolean | null
}

/**
 * Syncs an open course with its relay while mounted; a course that is not shared has no connection to show.
 * Saving a link for it (sharing it from here) starts syncing at once; a new name or colour shows at once.
 */
export const useCourseSync = (db: ChorusDb, courseId: CourseId, doc: Y.Doc): CourseSyncState => {
  const [connection, setConnection] = useState<ConnectionSource | null>(null)
  const [provider, setProvider] = useState<WebsocketProvider | null>(null)
  const [shared, setShared] = useState<boolean | null>(null)
  const linkVersion = useRelayLinkVersion(courseId)

  useEffect(() => {
    let left = false
    let stop = (): void => {}
    setConnection(null)
    setProvider(null)
    void (async () => {
      const [link, user] = await Promise.all([getRelayLink(db, courseId), loadSyncUser(db)])
      if (left) return
      setShared(link !== undefined)
      if (link === undefined) return
      // The relay shows co-authors the invite's name whatever a client announces: announce the same, so this
      // device's own entry in "People online" agrees with what everyone else sees. The colour stays the user's.
      const claims = courseClaimsOf(link.token, courseId)
      const invitedName = claims?.name.trim() || null
      const asInvited = (chosen: SyncUser): PresenceUser => ({
        ...(claims === null ? {} : { id: claims.sub }),
        name: invitedName ?? chosen.name,
        colour: chosen.colour,
      })
      const sync = connectCourse({
        doc,
        relayUrl: link.relayUrl,
        courseId,
        token: link.token,
        user: asInvited(user),
      })
      const stopUser = onSyncUserSaved((saved) => sync.setUser(asInvited(saved)))
      setConnection(sync)
      setProvider(sync.provider)
      const media = startMediaSync({
        db,
        doc,
        endpoint: { relayUrl: link.relayUrl, courseId, token: link.token },
        connection: sync,
        onTransfers: mediaTransferFeed(doc).set,
      })
      stop = () => (stopUser(), setProvider(null), media.stop(), sync.destroy())
    })().catch((cause: unknown) => {
      // Without the link the course still works locally; say why it is not syncing.
      console.warn(`[sync] could not start syncing course ${courseId}`, cause)
      if (!left) setConnection(fixedConnection({ kind: 'offline', unacknowledged: 0 }))
    })
    return () => {
      left = true
      stop()
    }
  }, [db, courseId, doc, linkVersion])

  return { connection, provider, shared }
}
