import type * as Y from 'yjs'
import { encodeCourseFile } from '../../../../shared/course-file/encode'
import { readCourseMeta } from '../../../../shared/course/read'
import type { Result } from '../../../../shared/errors'
import type { Platform } from '../../../../shared/platform'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { COURSE_FILE_FILTERS, courseFileName } from './course-file-filters'
import { loadCourseMedia } from '../../media/media-store'

/** Writes the open course and its media as one `.chorus` file where the user chooses. */
export async function saveCourseCopy(
  db: ChorusDb,
  platform: Platform,
  doc: Y.Doc,
): Promise<Result<{ readonly saved: boolean }>> {
  let media
  try {
    media = await loadCourseMedia(db, doc)
  } catch (thrown) {
    return { ok: false, error: toStorageError(thrown) }
  }
  return platform.saveFile({
    suggestedName: courseFileName(readCourseMeta(doc).title),
    bytes: encodeCourseFile(doc, media),
    filters: COURSE_FILE_FILTERS,
  })
}
