import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb, RelayLinkRow } from '../storage/db'
import { storage } from '../storage/storage-error'

const saved = new Set<(courseId: CourseId) => void>()

/** The relay and token a shared course syncs with, or undefined for a course that lives on this device only. */
export const getRelayLink = (db: ChorusDb, courseId: CourseId): Promise<RelayLinkRow | undefined> =>
  storage(() => db.relayLinks.get(courseId))

/** Stores the link; an open course it belongs to starts (or restarts) syncing with it at once. */
export const saveRelayLink = async (db: ChorusDb, link: RelayLinkRow): Promise<void> => {
  await storage(() => db.relayLinks.put(link))
  saved.forEach((listener) => listener(link.courseId))
}

/** Calls the listener after each saved link; returns unsubscribe. */
export const onRelayLinkSaved = (listener: (courseId: CourseId) => void): (() => void) => {
  saved.add(listener)
  return () => saved.delete(listener)
}
