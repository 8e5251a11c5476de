import { randomString } from '../../../shared/course/ids'
import type { CourseId } from '../../../shared/course/types'
import type { Role } from '../../../shared/protocol/token'
import type { Person } from '../../../shared/review/types'
import type { ChorusDb } from '../storage/db'
import { readSetting, type SettingKey } from '../storage/settings'
import { storage } from '../storage/storage-error'
import { courseClaimsOf } from '../sync/course-claims'
import { getRelayLink } from '../sync/relay-links'
import { UNNAMED } from '../sync/sync-user'

/** Who this user is in one course and what the course lets them do. */
export interface CourseIdentity {
  readonly me: Person
  readonly role: Role
}

/** The name comments show when neither the settings nor an invite give one. */
export const DEFAULT_NAME = UNNAMED

const USER_ID_KEY: SettingKey = 'userId'
const USER_ID_LENGTH = 22

/**
 * This device's user id for courses that are not shared, created on first use. Read and written in one
 * transaction, so two windows starting at once still agree on a single id.
 */
export function localUserId(db: ChorusDb): Promise<string> {
  return storage(() =>
    db.transaction('rw', db.settings, async () => {
      const stored = (await db.settings.get(USER_ID_KEY))?.value
      if (typeof stored === 'string' && stored !== '') return stored
      const id = randomString(USER_ID_LENGTH)
      await db.settings.put({ key: USER_ID_KEY, value: id })
      return id
    }),
  )
}

const nameOf = (...candidates: readonly (string | undefined)[]): string =>
  candidates.map((name) => name?.trim() ?? '').find((name) => name !== '') ?? DEFAULT_NAME

/**
 * A shared course: the user id, name and role its relay token grants — the relay shows co-authors the invite's
 * name whatever the app says, so the app shows the same (the settings name only if the invite has none); a team
 * invite grants its team role's course role (sync/course-claims.ts). A course on this device only: the local user, its
 * author. A link whose token cannot be read, or is for another course, grants nothing the relay would accept,
 * so it reads as a viewer's: the relay would drop any change anyway.
 */
export async function readCourseIdentity(db: ChorusDb, courseId: CourseId): Promise<CourseIdentity> {
  const [link, displayName] = await Promise.all([getRelayLink(db, courseId), readSetting(db, 'displayName')])
  const claims = link === undefined ? null : courseClaimsOf(link.token, courseId)
  if (claims !== null) {
    return { me: { id: claims.sub, name: nameOf(claims.name, displayName) }, role: claims.role }
  }
  const me = { id: await localUserId(db), name: nameOf(displayName) }
  return { me, role: link === undefined ? 'author' : 'viewer' }
}
