import * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import { isTeamId } from '../../../shared/protocol/rooms'
import { isTeamClaims, readAnyTokenClaims } from '../../../shared/protocol/token'
import type { TeamId } from '../../../shared/team/types'
import type { ChorusDb, RelayLinkRow, TeamRow } from '../storage/db'
import { getLibraryEntry, importCourseUpdate } from '../storage/library'
import { chorusFailure, storage } from '../storage/storage-error'
import { getRelayLink, saveRelayLink } from '../sync/relay-links'
import { getJoinedTeam } from './joined-teams'

/** How a joined team is reached: what its courses' relay links carry. */
export type TeamAccess = Pick<TeamRow, 'id' | 'relayUrl' | 'token'>

/** The team whose invite a course's relay link carries, or null for a course invite's link. */
export const teamOfLink = (link: RelayLinkRow): TeamId | null => {
  const claims = readAnyTokenClaims(link.token)
  return claims !== null && isTeamClaims(claims) && isTeamId(claims.team) ? claims.team : null
}

/**
 * Makes a team course openable on this device: a library entry (an empty document the relay fills as it opens, for
 * a course not here yet) and a relay link with the team's token. A course joined with its own invite keeps that
 * link: the invite was given for it, and may grant more than the team role does.
 */
export async function ensureTeamCourse(
  db: ChorusDb,
  team: TeamAccess,
  courseId: CourseId,
  title: string,
): Promise<void> {
  if ((await getLibraryEntry(db, courseId)) === undefined)
    await importCourseUpdate(db, courseId, Y.encodeStateAsUpdate(new Y.Doc()), title)
  const link = await getRelayLink(db, courseId)
  if (link !== undefined && teamOfLink(link) === null) return
  if (link?.token === team.token && link.relayUrl === team.relayUrl) return
  await saveRelayLink(db, { courseId, relayUrl: team.relayUrl, token: team.token })
}

/**
 * What opening a team course from the board or the catalog does first: `ensureTeamCourse` with the team as joined
 * on this device.
 */
export async function prepareTeamCourse(
  db: ChorusDb,
  teamId: TeamId,
  courseId: CourseId,
  title: string,
): Promise<void> {
  const team = await getJoinedTeam(db, teamId)
  if (team === undefined)
    throw chorusFailure({
      code: 'team-not-found',
      message: `The team "${teamId}" is not joined on this device any more. Open its invite link to join it again.`,
    })
  await ensureTeamCourse(db, team, courseId, title)
}

/**
 * Joining a team anew (another role, a fresh token, another relay) carries over to its courses on this device:
 * every relay link with the team's token gets the new one, and open courses reconnect with it at once.
 */
export async function relinkTeamCourses(db: ChorusDb, team: TeamAccess): Promise<void> {
  const links = await storage(() => db.relayLinks.toArray())
  for (const link of links) {
    if (teamOfLink(link) !== team.id || (link.token === team.token && link.relayUrl === team.relayUrl))
      continue
    await saveRelayLink(db, { courseId: link.courseId, relayUrl: team.relayUrl, token: team.token })
  }
}
