import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from '../storage/db'
import { openRoomDocStore, type RoomDocStore } from '../storage/room-doc-store'

/**
 * Loads a course's pilot-learner feedback from this device and keeps storing it, in its own table, as course
 * content is stored: a learner's reactions survive going offline and reach the relay later, and an author's
 * Feedback panel shows what was last fetched. A course nobody has given feedback on yet opens empty.
 */
export const openFeedbackStore = (db: ChorusDb, courseId: CourseId): Promise<RoomDocStore> =>
  openRoomDocStore(
    db,
    'feedbackUpdates',
    courseId,
    'The learner feedback stored on this device for this course is damaged and cannot be shown. The course itself is not affected.',
  )
