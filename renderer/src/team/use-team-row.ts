import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import type { ChorusError } from '../../../shared/errors'
import type { TeamId } from '../../../shared/team/types'
import type { ChorusDb, TeamRow } from '../storage/db'
import { toStorageError } from '../storage/storage-error'
import { getJoinedTeam } from './joined-teams'

export type TeamRowState =
  | { readonly status: 'loading' }
  | { readonly status: 'joined'; readonly team: TeamRow }
  | { readonly status: 'failed'; readonly error: ChorusError }

const notJoined = (teamId: TeamId): ChorusError => ({
  code: 'team-not-found',
  message: `The team "${teamId}" is not joined on this device. Open its invite link (ask your team's lead for one) to join it.`,
})

/** The team's row on this device, live: joining anew (another role, a new token) shows at once. */
export function useTeamRow(db: ChorusDb, teamId: TeamId): TeamRowState {
  const [state, setState] = useState<{ readonly teamId: TeamId; readonly state: TeamRowState } | null>(null)
  useEffect(() => {
    const subscription = liveQuery(() => getJoinedTeam(db, teamId)).subscribe({
      next: (team) =>
        setState({
          teamId,
          state:
            team === undefined ? { status: 'failed', error: notJoined(teamId) } : { status: 'joined', team },
        }),
      error: (cause: unknown) =>
        setState({ teamId, state: { status: 'failed', error: toStorageError(cause) } }),
    })
    return () => subscription.unsubscribe()
  }, [db, teamId])
  return state?.teamId === teamId ? state.state : { status: 'loading' }
}
