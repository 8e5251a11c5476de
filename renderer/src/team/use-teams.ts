import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import type { ChorusError } from '../../../shared/errors'
import type { TeamActor, TeamId } from '../../../shared/team/types'
import type { ChorusDb } from '../storage/db'
import { toStorageError } from '../storage/storage-error'
import { joinedTeamsQuery } from './joined-teams'
import { teamActorOf } from './team-actor'

/** A team joined on this device, as the library lists it. */
export interface JoinedTeam {
  readonly id: TeamId
  /** The name its space last said; the team id until the space was first synced. */
  readonly name: string
  /** Me in the team, as the invite names me; null if its token cannot be read (join again). */
  readonly me: TeamActor | null
  readonly relayUrl: string
  readonly joinedAt: number
}

export type TeamsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly teams: readonly JoinedTeam[] }
  | { readonly status: 'failed'; readonly error: ChorusError }

/** The teams joined on this device, oldest first, live: joining one (here or in another tab) shows at once. */
export function useTeams(db: ChorusDb): TeamsState {
  const [state, setState] = useState<TeamsState>({ status: 'loading' })
  useEffect(() => {
    const subscription = liveQuery(() => joinedTeamsQuery(db)).subscribe({
      next: (rows) =>
        setState({
          status: 'ready',
          teams: rows.map((row) => ({
            id: row.id,
            name: row.name ?? row.id,
            me: teamActorOf(row.token, row.id),
            relayUrl: row.relayUrl,
            joinedAt: row.joinedAt,
          })),
        }),
      error: (cause: unknown) => setState({ status: 'failed', error: toStorageError(cause) }),
    })
    return () => subscription.unsubscribe()
  }, [db])
  return state
}
