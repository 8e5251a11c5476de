/**
 * The team document's shape and its commands (issue 12). One team Y.Doc per team, synced in the room
 * `team:<teamId>`, where every member writes and the relay checks each update (change-guard.ts).
 *
 * - root Y.Map `entries` (`TEAM_ROOT`): entry key (entries.ts, a JSON array naming what the entry is about, e.g.
 *   `["need", needId]`, `["vote", needId, userId]`, `["status", needId, epoch, status]`) → plain JSON value
 *   naming who wrote it (`by: { id, name }`) and when (`at`, ms).
 *
 * One flat map of plain values, as the feedback document does: two people (or one person on two devices) writing
 * offline never create the same nested map twice, where Yjs would keep only one of them and lose the other's
 * writes. Things that many people add to at once are one entry each (a vote per person, a claim per expert, a
 * post per id, a status entry per move), so all of them stay; a person's vote has one key whatever device casts
 * it, so it counts once. And the relay can judge an update by its keys and values alone.
 *
 * Every command runs in one transaction with `TEAM_ORIGIN`, throws a RangeError with a message to show for what
 * the relay would refuse (so a refused write is never made), and writes nothing when nothing changes. Read the
 * document with `readTeam` (read.ts).
 */
export { TEAM_ORIGIN, TEAM_ROOT } from './team-store'
export {
  declareNeed,
  editNeed,
  mergeNeed,
  postToNeed,
  setClaim,
  setNeedStatus,
  setVote,
  unmergeNeed,
} from './need-commands'
export { registerTeamCourse, setCourseProgress, setCourseState } from './course-commands'
export { markRead, recordMember, renameTeam } from './member-commands'
