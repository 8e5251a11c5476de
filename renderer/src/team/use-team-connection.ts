import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { teamRoomName } from '../../../shared/protocol/rooms'
import type { TeamId } from '../../../shared/team/types'
import { connectRoom, type ConnectionStatus } from '../sync/course-sync'

export interface TeamLink {
  readonly relayUrl: string
  readonly token: string
}

/**
 * Syncs a team's space with its relay room `team:<teamId>` while mounted; a new token (joining anew) reconnects.
 * Pass the document only once it is loaded from this device: the relay only adds to it. Null until connecting.
 */
export function useTeamConnection(
  doc: Y.Doc | null,
  teamId: TeamId,
  link: TeamLink | null,
): ConnectionStatus | null {
  const [status, setStatus] = useState<ConnectionStatus | null>(null)
  const relayUrl = link?.relayUrl
  const token = link?.token
  useEffect(() => {
    setStatus(null)
    if (doc === null || relayUrl === undefined || token === undefined) return
    const sync = connectRoom({ doc, relayUrl, room: teamRoomName(teamId), token })
    const unsubscribe = sync.subscribe(setStatus)
    setStatus(sync.getStatus())
    return () => {
      unsubscribe()
      sync.destroy()
    }
  }, [doc, teamId, relayUrl, token])
  return status
}
