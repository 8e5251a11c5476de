import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { ChorusError } from '../../../shared/errors'
import { recordMember } from '../../../shared/team/team-doc'
import type { NeedId, TeamId } from '../../../shared/team/types'
import type { ChorusDb } from '../storage/db'
import type { RoomDocStore } from '../storage/room-doc-store'
import type { SaveStatus } from '../storage/save-status'
import { useOpenStore } from '../storage/use-open-store'
import { answerWithCourse } from './answer-with-course'
import { rememberTeamName } from './joined-teams'
import { teamActorOf } from './team-actor'
import { bindTeamCommands } from './team-commands'
import type { TeamSession } from './team-session'
import { openTeamStore } from './team-store'
import { useTeamConnection } from './use-team-connection'
import { useTeamRow } from './use-team-row'
import { useTeamSnapshot } from './use-team-snapshot'

export interface TeamSessionState {
  /** Null while the team space opens, or when it cannot be (see `problem`). */
  readonly session: TeamSession | null
  /** Why the team space cannot be shown or saved right now; null while all is well. */
  readonly problem: ChorusError | null
}

const SAVED: SaveStatus = { kind: 'saved', at: 0 }
const noSubscription = (): (() => void) => () => undefined

const unreadableToken = (teamId: TeamId): ChorusError => ({
  code: 'invalid-argument',
  message: `The invite stored for the team "${teamId}" cannot be read. Open the team invite link again (ask your team's lead for a new one).`,
})

const logCloseFailure = (error: ChorusError): void =>
  console.warn(`[team] ${error.code}: the team space could not be saved as it closed`, error.message)

/**
 * Opens a joined team's space from this device and syncs it through the relay's `team:<teamId>` room for as long
 * as the caller is mounted: local first, so the board works offline. The commands are bound to me as the team
 * invite names me; opening records me as a member (once, or again when my name or role changed).
 */
export function useTeamSession(
  db: ChorusDb,
  teamId: TeamId,
  onCloseFailed: (error: ChorusError) => void = logCloseFailure,
): TeamSessionState {
  const row = useTeamRow(db, teamId)
  const team = row.status === 'joined' ? row.team : null
  const store = useOpenStore<RoomDocStore, TeamId>(openTeamStore, db, teamId, onCloseFailed)
  const doc = store.status === 'open' ? store.store.doc : null
  const token = team?.token
  const me = useMemo(() => (token === undefined ? null : teamActorOf(token, teamId)), [token, teamId])
  const connection = useTeamConnection(doc, teamId, me === null ? null : team)
  const snapshot = useTeamSnapshot(doc, teamId)
  const save = store.status === 'open' ? store.store.save : null
  const saveStatus = useSyncExternalStore(save?.subscribe ?? noSubscription, save?.get ?? (() => SAVED))

  useEffect(() => {
    if (doc === null || me === null) return
    try {
      recordMember(doc, me)
    } catch (thrown) {
      // Only a name beyond the limits gets here; the board still works, the member list lacks me.
      console.warn('[team] could not record me as a member', thrown)
    }
  }, [doc, me])

  const teamName = snapshot?.name
  const rememberedName = team?.name
  useEffect(() => {
    if (teamName === undefined || teamName === rememberedName) return
    rememberTeamName(db, teamId, teamName).catch((cause: unknown) =>
      console.warn('[team] could not remember the team name for the library', cause),
    )
  }, [db, teamId, teamName, rememberedName])

  const answer = useCallback(
    (needId: NeedId) => {
      if (doc === null || team === null || me === null) throw new RangeError('The team space is not open.')
      return answerWithCourse({ db, teamDoc: doc, team, me, needId })
    },
    [db, doc, team, me],
  )
  const commands = useMemo(
    () => (doc === null || me === null ? null : bindTeamCommands(doc, me, answer)),
    [doc, me, answer],
  )

  const problem =
    (row.status === 'failed' ? row.error : null) ??
    (store.status === 'failed' ? store.error : null) ??
    (team !== null && me === null ? unreadableToken(teamId) : null) ??
    (saveStatus.kind === 'error' ? saveStatus.error : null)
  const session = useMemo<TeamSession | null>(
    () =>
      me === null || snapshot === null || commands === null
        ? null
        : { teamId, me, snapshot, connection, commands },
    [teamId, me, snapshot, connection, commands],
  )
  return { session, problem }
}
