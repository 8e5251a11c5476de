import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { observeTeam, readTeam } from '../../../shared/team/read'
import type { TeamId, TeamSnapshot } from '../../../shared/team/types'

/** How long a re-read waits for more updates: a burst (the first sync brings hundreds) is read once. */
const REREAD_DELAY_MS = 30

/**
 * The team space as plain data, re-read shortly after changes (local, from storage or from the relay). A timer
 * rather than an animation frame: a window in the background still follows the board.
 */
export function useTeamSnapshot(doc: Y.Doc | null, teamId: TeamId): TeamSnapshot | null {
  const [snapshot, setSnapshot] = useState<TeamSnapshot | null>(null)
  useEffect(() => {
    if (doc === null) {
      setSnapshot(null)
      return
    }
    setSnapshot(readTeam(doc, teamId))
    let timer: ReturnType<typeof setTimeout> | null = null
    const reread = (): void => {
      timer ??= setTimeout(() => {
        timer = null
        setSnapshot(readTeam(doc, teamId))
      }, REREAD_DELAY_MS)
    }
    const stop = observeTeam(doc, reread)
    return () => {
      stop()
      if (timer !== null) clearTimeout(timer)
    }
  }, [doc, teamId])
  return snapshot
}
