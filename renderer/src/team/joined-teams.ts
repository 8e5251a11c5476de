import type { TeamId } from '../../../shared/team/types'
import type { ChorusDb, TeamRow } from '../storage/db'
import { storage } from '../storage/storage-error'

/** The team as joined on this device, or undefined if it never was. */
export const getJoinedTeam = (db: ChorusDb, teamId: TeamId): Promise<TeamRow | undefined> =>
  storage(() => db.teams.get(teamId))

/**
 * Stores a joined team (its relay and token); joining again replaces the token (a new role, say) and keeps the
 * first join's time and the name last seen.
 */
export const saveJoinedTeam = (
  db: ChorusDb,
  team: Omit<TeamRow, 'joinedAt' | 'name'>,
  now = Date.now(),
): Promise<void> =>
  storage(() =>
    db.transaction('rw', db.teams, async () => {
      const existing = await db.teams.get(team.id)
      await db.teams.put({ ...existing, ...team, joinedAt: existing?.joinedAt ?? now })
    }),
  )

/** Remembers the team's display name, so the library lists it without opening the team's space. */
export const rememberTeamName = (db: ChorusDb, teamId: TeamId, name: string): Promise<void> =>
  storage(async () => {
    await db.teams.update(teamId, { name })
  })

/** Every joined team, oldest join first. Pass it to Dexie's liveQuery to follow changes. */
export const joinedTeamsQuery = (db: ChorusDb): Promise<TeamRow[]> =>
  storage(async () => (await db.teams.toArray()).sort((a, b) => a.joinedAt - b.joinedAt))
