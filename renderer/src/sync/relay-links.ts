import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb, RelayLinkRow } from '../storage/db'
import { storage } from '../storage/storage-error'

/** The relay and token a shared course syncs with, or undefined for a course that lives on this device only. */
export const getRelayLink = (db: ChorusDb, courseId: CourseId): Promise<RelayLinkRow | undefined> =>
  storage(() => db.relayLinks.get(courseId))

export const saveRelayLink = async (db: ChorusDb, link: RelayLinkRow): Promise<void> => {
  await storage(() => db.relayLinks.put(link))
}
