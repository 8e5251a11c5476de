import { encodePresenceUpdate, type PresenceEntry } from './presence-frame'
import { withIdentity } from '../../shared/protocol/presence'
import type { RemotePresenceEntry } from './cluster/fanout-entry'

/** A connection may announce this many client ids; a stock client announces one (its document's). */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4

/** What the room keeps of one client id's presence. */
export interface StoredPresence {
  clock: number
  /** The token user who first announced this id in the room: only that user's connections may change it. */
  readonly owner: string
  /** The state's JSON text as relayed (checked, identity set); null once removed. Sent on as it is. */
  json: string | null
  /**
   * The connection that set the state; only its leaving removes it. A client that reconnects before the relay
   * noticed its old connection die has set it again through the new one, which must not lose it then.
   */
  holder: Announcer | null
}

/**
 * A room's presence by client id. Removed ids stay (json null) with their clock and owner, as in y-protocols, so
 * a reconnecting client keeps its id; once they pile up (a connection can add four, and connections come and go
 * while the room stays loaded) the removed ones are forgotten.
 */
export interface RoomPresence {
  readonly byClientId: Map<number, StoredPresence>
  /** Size of `byClientId` at which removed ids are forgotten. */
  forgetRemovedAt: number
}

/** Removed ids a room keeps at least before forgetting them. */
const KEEP_REMOVED = 4096

export const createPresence = (): RoomPresence => ({ byClientId: new Map(), forgetRemovedAt: KEEP_REMOVED })

const forgetRemoved = (presence: RoomPresence): void => {
  for (const [id, stored] of presence.byClientId) if (stored.json === null) presence.byClientId.delete(id)
  presence.forgetRemovedAt = presence.byClientId.size * 2 + KEEP_REMOVED
}

/** The sending connection as presence sees it. */
export interface Announcer {
  /** The token's `sub`. */
  readonly user: string
  /** The token's display name, set with `user` into its states' identity fields; null in `--open` mode (as sent). */
  readonly name: string | null
}

export type DropReason = 'another-users-client-id' | 'too-many-client-ids'

export interface PresenceOutcome {
  /** Client ids whose stored presence changed, to relay. */
  readonly changed: number[]
  /** The ids this connection has announced (a new set if this update announced its first), or still null. */
  readonly announced: Set<number> | null
  /** Why the first dropped entry was dropped; null if none was. */
  readonly dropped: DropReason | null
}

/**
 * Whether an entry changes what the room holds, by y-protocols' rule: a newer clock, or a removal at the same
 * clock of a state still present. Stock clients re-send every change they hear; this is what keeps those echoes
 * from bouncing around the room. A first entry needs a clock above 0 and a state, as in y-protocols.
 */
const changes = (stored: StoredPresence | undefined, clock: number, present: boolean): boolean =>
  stored === undefined
    ? clock > 0 && present
    : stored.clock < clock || (stored.clock === clock && !present && stored.json !== null)

/**
 * Applies checked entries from one connection. An id belongs to the user who first announced it here; entries
 * that would change another user's id, or add an id to a connection that already announced the most, are
 * dropped.
 */
export const applyPresence = (
  presence: RoomPresence,
  from: Announcer,
  announced: Set<number> | null,
  entries: readonly PresenceEntry[],
): PresenceOutcome => {
  const changed: number[] = []
  let ids = announced
  let dropped: DropReason | null = null
  for (const entry of entries) {
    const stored = presence.byClientId.get(entry.clientId)
    if (!changes(stored, entry.clock, entry.state !== null)) continue
    if (stored !== undefined && stored.owner !== from.user) {
      dropped ??= 'another-users-client-id'
      continue
    }
    if (entry.state !== null && ids?.has(entry.clientId) !== true) {
      if ((ids?.size ?? 0) >= MAX_CLIENT_IDS_PER_CONNECTION) {
        dropped ??= 'too-many-client-ids'
        continue
      }
      ids ??= new Set<number>()
      ids.add(entry.clientId)
    }
    const json =
      entry.state === null
        ? null
        : from.name === null
          ? entry.json
          : withIdentity(entry.state, entry.json, { id: from.user, name: from.name })
    if (stored === undefined) {
      if (presence.byClientId.size >= presence.forgetRemovedAt) forgetRemoved(presence)
      presence.byClientId.set(entry.clientId, { clock: entry.clock, owner: from.user, json, holder: from })
    } else {
      stored.clock = entry.clock
      stored.json = json
      stored.holder = json === null ? null : from
    }
    changed.push(entry.clientId)
  }
  return { changed, announced: ids, dropped }
}

/** Removes the states a leaving connection set, of the ids it announced; returns the ids removed. */
export const removePresence = (
  presence: RoomPresence,
  leaver: Announcer,
  ids: Iterable<number>,
): number[] => {
  const removed: number[] = []
  for (const id of ids) {
    const stored = presence.byClientId.get(id)
    if (stored === undefined || stored.json === null || stored.holder !== leaver) continue
    // Same clock, as y-protocols does: clients drop a state on a null at the clock they hold.
    stored.json = null
    stored.holder = null
    removed.push(id)
  }
  return removed
}

/** An awareness update holding these ids' stored presence (removals as null). */
export const encodePresenceOf = (presence: RoomPresence, ids: readonly number[]): Uint8Array =>
  encodePresenceUpdate(
    ids.flatMap((clientId) => {
      const stored = presence.byClientId.get(clientId)
      return stored === undefined ? [] : [{ clientId, clock: stored.clock, json: stored.json }]
    }),
  )

/** What a newcomer or a query gets: everyone present; null when nobody is. */
export const encodeEveryonePresent = (presence: RoomPresence): Uint8Array | null => {
  const present = [...presence.byClientId].flatMap(([clientId, { clock, json }]) =>
    json === null ? [] : [{ clientId, clock, json }],
  )
  return present.length === 0 ? null : encodePresenceUpdate(present)
}

/** Holds the states other relay instances announced: no connection here set them, so none leaving removes them. */
const ELSEWHERE: Announcer = { user: '', name: null }

/** These ids' stored presence as it crosses to other instances (see cluster/fanout-entry.ts). */
export const presenceEntriesOf = (presence: RoomPresence, ids: readonly number[]): RemotePresenceEntry[] =>
  ids.flatMap((clientId) => {
    const stored = presence.byClientId.get(clientId)
    return stored === undefined
      ? []
      : [{ clientId, clock: stored.clock, json: stored.json, owner: stored.owner }]
  })

/**
 * Applies what another instance's clients announced, as that instance checked it, by the same clock rule;
 * returns the ids that changed, to relay to this instance's clients.
 */
export const applyRemotePresence = (
  presence: RoomPresence,
  entries: readonly RemotePresenceEntry[],
): number[] => {
  const changed: number[] = []
  for (const { clientId, clock, json, owner } of entries) {
    const stored = presence.byClientId.get(clientId)
    if (!changes(stored, clock, json !== null)) continue
    if (stored === undefined) {
      if (presence.byClientId.size >= presence.forgetRemovedAt) forgetRemoved(presence)
      presence.byClientId.set(clientId, { clock, owner, json, holder: json === null ? null : ELSEWHERE })
    } else {
      stored.clock = clock
      stored.json = json
      stored.holder = json === null ? null : ELSEWHERE
    }
    changed.push(clientId)
  }
  return changed
}
