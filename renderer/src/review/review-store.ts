import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { openRoomDocStore, type RoomDocStore } from '../storage/room-doc-store'
import type { StoredDocOptions } from '../storage/stored-doc'

/** A course's review document (its comment threads) as stored on this device. */
export type ReviewStore = RoomDocStore

/**
 * Loads a course's comments from IndexedDB and keeps storing them exactly as course content is stored, in
 * their own table. A course nobody has commented on yet has no rows: it opens as an empty review document.
 */
export const openReviewStore = (
  db: ChorusDb,
  courseId: CourseId,
  options: StoredDocOptions = {},
): Promise<ReviewStore> =>
  openRoomDocStore(
    db,
    'reviewUpdates',
    courseId,
    'The comments stored on this device for this course are damaged and cannot be shown. The course itself is not affected.',
    options,
  )
