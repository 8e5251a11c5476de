import type { Invite } from '../../../../shared/protocol/invite'
import {
  needsUnencryptedWarning,
  readRelayAddress,
  type RelayAddress,
} from '../../../../shared/protocol/relay-address'
import { isCourseInitialised, readCourseMeta } from '../../../../shared/course/read'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusDb, LibraryEntry, RelayLinkRow } from '../../storage/db'
import { getLibraryEntry } from '../../storage/library'
import { docFromRows, readUpdateRows } from '../../storage/stored-doc'
import { getRelayLink } from '../../sync/relay-links'
import { sameRelay } from './same-relay'

/** What this device holds of the invite's course, which decides what joining would change. */
export type CourseHere =
  /** Not on this device: joining downloads it from the relay. */
  | { readonly kind: 'new' }
  /** On this device only: joining sends all of it to the relay. */
  | { readonly kind: 'local-only'; readonly title: string }
  /** Already shared through the same relay: joining only replaces the access token. */
  | { readonly kind: 'same-relay'; readonly title: string }
  /** Shared through another relay: joining moves the course to the invite's relay. */
  | { readonly kind: 'other-relay'; readonly title: string; readonly currentHost: string }

/** Everything the join confirmation shows before anything is saved or sent. */
export interface JoinPlan {
  readonly invite: Invite
  readonly relay: RelayAddress
  readonly course: CourseHere
  /** `ws://` to a host outside loopback and private networks: the course would travel unencrypted. */
  readonly unencrypted: boolean
}

/** Null only for a relay URL parseInvite would not have accepted. */
export const planJoin = (
  invite: Invite,
  entry: LibraryEntry | undefined,
  link: RelayLinkRow | undefined,
): JoinPlan | null => {
  const relay = readRelayAddress(invite.relay)
  if (relay === null) return null
  const course: CourseHere =
    entry === undefined
      ? { kind: 'new' }
      : link === undefined
        ? { kind: 'local-only', title: entry.title }
        : sameRelay(link.relayUrl, invite.relay)
          ? { kind: 'same-relay', title: entry.title }
          : {
              kind: 'other-relay',
              title: entry.title,
              currentHost: readRelayAddress(link.relayUrl)?.host ?? link.relayUrl,
            }
  return { invite, relay, course, unencrypted: needsUnencryptedWarning(relay) }
}

/** The title in the stored document: the library entry follows it only once a second, so it may lag behind. */
const storedTitle = async (db: ChorusDb, courseId: CourseId, entryTitle: string): Promise<string> => {
  const doc = docFromRows(
    await readUpdateRows(db, 'updates', courseId),
    'This course’s saved copy on this device is damaged.',
  )
  try {
    return isCourseInitialised(doc) ? readCourseMeta(doc).title : entryTitle
  } finally {
    doc.destroy()
  }
}

/** Reads what the device holds of the invite's course; changes nothing. */
export async function readJoinPlan(db: ChorusDb, invite: Invite): Promise<JoinPlan | null> {
  const [entry, link] = await Promise.all([
    getLibraryEntry(db, invite.courseId),
    getRelayLink(db, invite.courseId),
  ])
  const here = entry && { ...entry, title: await storedTitle(db, invite.courseId, entry.title) }
  return planJoin(invite, here, link)
}
