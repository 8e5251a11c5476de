import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { openRoomDocStore, type RoomDocStore } from '../storage/room-doc-store'
import type { StoredDocOptions } from '../storage/stored-doc'

/** A course's history document (its saved versions) as stored on this device. */
export type HistoryStore = RoomDocStore

/**
 * Loads a course's versions from IndexedDB and keeps storing them in their own table, as comments are: versions
 * fetched once from the relay stay here, so history works offline. A course with no versions yet opens empty.
 */
export const openHistoryStore = (
  db: ChorusDb,
  courseId: CourseId,
  options: StoredDocOptions = {},
): Promise<HistoryStore> =>
  openRoomDocStore(
    db,
    'historyUpdates',
    courseId,
    'The versions stored on this device for this course are damaged and cannot be shown. The course itself is not affected.',
    options,
  )
