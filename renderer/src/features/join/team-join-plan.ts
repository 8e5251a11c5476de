import type { TeamInvite } from '../../../../shared/protocol/invite'
import {
  needsUnencryptedWarning,
  readRelayAddress,
  type RelayAddress,
} from '../../../../shared/protocol/relay-address'
import type { ChorusDb, TeamRow } from '../../storage/db'
import { getJoinedTeam } from '../../team/joined-teams'
import { sameRelay } from './same-relay'

/** What this device holds of the invite's team, which decides what joining would change. */
export type TeamHere =
  /** Not joined yet: joining downloads the team space from the relay. */
  | { readonly kind: 'new' }
  /** Already joined through the same relay: joining only replaces the access (a new role, say). */
  | { readonly kind: 'same-relay'; readonly name: string }
  /** Joined through another relay: joining moves the team space to the invite's relay. */
  | { readonly kind: 'other-relay'; readonly name: string; readonly currentHost: string }

/** Everything the team join confirmation shows before anything is saved or sent. */
export interface TeamJoinPlan {
  readonly invite: TeamInvite
  readonly relay: RelayAddress
  readonly team: TeamHere
  /** `ws://` to a host outside loopback and private networks: the team space would travel unencrypted. */
  readonly unencrypted: boolean
}

/** Null only for a relay URL parseJoinLink would not have accepted. */
export const planTeamJoin = (invite: TeamInvite, row: TeamRow | undefined): TeamJoinPlan | null => {
  const relay = readRelayAddress(invite.relay)
  if (relay === null) return null
  const name = row?.name ?? invite.teamId
  const team: TeamHere =
    row === undefined
      ? { kind: 'new' }
      : sameRelay(row.relayUrl, invite.relay)
        ? { kind: 'same-relay', name }
        : {
            kind: 'other-relay',
            name,
            currentHost: readRelayAddress(row.relayUrl)?.host ?? row.relayUrl,
          }
  return { invite, relay, team, unencrypted: needsUnencryptedWarning(relay) }
}

/** Reads what the device holds of the invite's team; changes nothing. */
export const readTeamJoinPlan = async (db: ChorusDb, invite: TeamInvite): Promise<TeamJoinPlan | null> =>
  planTeamJoin(invite, await getJoinedTeam(db, invite.teamId))
