import type { TeamId } from '../../../shared/team/types'
import type { ChorusDb } from '../storage/db'
import { openRoomDocStore, type RoomDocStore } from '../storage/room-doc-store'

/**
 * Loads a team's space from this device and keeps storing it, as a course's comments are stored: the board, the
 * catalog and For me work offline and show what was last synced. A team joined but never synced opens empty.
 */
export const openTeamStore = (db: ChorusDb, teamId: TeamId): Promise<RoomDocStore> =>
  openRoomDocStore(
    db,
    'teamUpdates',
    teamId,
    'The team space stored on this device is damaged and cannot be shown. Your courses are not affected; open the team invite link again to download the team space anew.',
  )
