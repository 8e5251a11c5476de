import { renameCourse } from '../../../../shared/course/commands'
import type { CourseId } from '../../../../shared/course/types'
import { openCourseStore } from '../../storage/course-store'
import type { ChorusDb } from '../../storage/db'
import { chorusFailure } from '../../storage/storage-error'

/**
 * Renames a course from the library without showing it. The title lives in the course document (so it syncs
 * and exports), so this opens the course, renames it through the model, and closes it again, which saves.
 */
export async function renameStoredCourse(db: ChorusDb, id: CourseId, title: string): Promise<void> {
  const store = await openCourseStore(db, id)
  try {
    if (store.access.kind === 'read-only') {
      throw chorusFailure({
        code: 'schema-too-new',
        message: 'This course was written by a newer version of Chorus. Update Chorus to rename it.',
      })
    }
    renameCourse(store.doc, title)
  } finally {
    await store.close()
  }
}
