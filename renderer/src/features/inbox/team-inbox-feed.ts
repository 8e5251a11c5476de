/**
 * For me's side of every joined team: each team's space opened from this device and synced through its relay room
 * while For me (or its unread count) is on screen, read into items and my read marks, and the one command For me
 * writes there: marking items read, under my own `read` keys, so my other devices see them read too.
 */
import { teamRoomName } from '../../../../shared/protocol/rooms'
import { teamInboxItems } from '../../../../shared/team/inbox'
import { MAX_ITEM_KEY_LENGTH } from '../../../../shared/team/entries'
import { observeTeam, readMarks, readTeam } from '../../../../shared/team/read'
import { markRead } from '../../../../shared/team/team-doc'
import type { TeamActor, TeamId } from '../../../../shared/team/types'
import type { TeamRow } from '../../storage/db'
import { connectRoom } from '../../sync/course-sync'
import { teamActorOf } from '../../team/team-actor'
import { openTeamStore } from '../../team/team-store'
import type { ChorusDb } from '../../storage/db'
import type { TeamItems } from './for-me-entries'

export interface TeamInbox extends TeamItems {
  readonly me: TeamActor
  /** Marks the items read in the team's space (a key the relay would refuse, too long, is left unread). */
  markRead(itemKeys: readonly string[]): void
}

/** How long a re-read waits for more updates: the first sync of a team brings hundreds at once. */
const REREAD_DELAY_MS = 50

const logCloseFailure = (teamId: TeamId, cause: unknown): void =>
  console.warn(`[for-me] the space of team ${teamId} could not be saved as it closed`, cause)

/**
 * Opens, syncs and reads every team in `teams`; calls `onChange` with all of them each time one changes (a team
 * whose token cannot be read, or whose space cannot be opened, is left out). Returns the function that stops it.
 */
export function watchTeamInboxes(
  db: ChorusDb,
  teams: readonly TeamRow[],
  onChange: (inboxes: readonly TeamInbox[]) => void,
): () => void {
  const inboxes = new Map<TeamId, TeamInbox>()
  const stops: (() => void)[] = []
  let stopped = false
  const report = () => onChange(teams.flatMap((team) => inboxes.get(team.id) ?? []))

  for (const team of teams) {
    const me = teamActorOf(team.token, team.id)
    if (me === null) continue
    openTeamStore(db, team.id).then(
      (store) => {
        if (stopped) {
          store.close().catch((cause: unknown) => logCloseFailure(team.id, cause))
          return
        }
        const { doc } = store
        const read = (): void => {
          const snapshot = readTeam(doc, team.id)
          inboxes.set(team.id, {
            teamId: team.id,
            me,
            items: teamInboxItems(snapshot, me),
            readKeys: readMarks(doc, me.id),
            courseTitles: new Map(snapshot.courses.map((course) => [course.id, course.title])),
            markRead: (itemKeys) => {
              // The keys inbox.ts builds always fit; one that did not would make the relay refuse the others too.
              const fitting = itemKeys.filter((key) => key.length > 0 && key.length <= MAX_ITEM_KEY_LENGTH)
              if (fitting.length > 0) markRead(doc, me, fitting)
            },
          })
          report()
        }
        let timer: ReturnType<typeof setTimeout> | null = null
        const reread = (): void => {
          timer ??= setTimeout(() => {
            timer = null
            read()
          }, REREAD_DELAY_MS)
        }
        const sync = connectRoom({
          doc,
          relayUrl: team.relayUrl,
          room: teamRoomName(team.id),
          token: team.token,
        })
        const stopObserving = observeTeam(doc, reread)
        read()
        stops.push(() => {
          stopObserving()
          if (timer !== null) clearTimeout(timer)
          sync.destroy()
          store.close().catch((cause: unknown) => logCloseFailure(team.id, cause))
        })
      },
      (cause: unknown) => console.warn(`[for-me] the space of team ${team.id} could not be opened`, cause),
    )
  }
  return () => {
    stopped = true
    stops.forEach((stop) => stop())
  }
}
