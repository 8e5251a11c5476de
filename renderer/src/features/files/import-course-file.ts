import * as Y from 'yjs'
import { decodeCourseFile } from '../../../../shared/course-file/decode'
import { readCourseMeta } from '../../../../shared/course/read'
import type { CourseId } from '../../../../shared/course/types'
import { err, ok, type Result } from '../../../../shared/errors'
import type { ChorusDb } from '../../storage/db'
import { importCourseUpdate } from '../../storage/library'
import { toStorageError } from '../../storage/storage-error'
import { storeCourseMedia } from '../../media/media-store'

/**
 * Adds the course in a `.chorus` file to the library. A course already here is merged with the file, not
 * replaced: both are the same CRDT document, so the merge keeps every edit from either side.
 */
export async function importCourseFile(db: ChorusDb, bytes: Uint8Array): Promise<Result<CourseId>> {
  const decoded = await decodeCourseFile(bytes)
  if (!decoded.ok) return decoded
  const { doc, media } = decoded.value
  const { id, title } = readCourseMeta(doc)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  try {
    await storeCourseMedia(db, id, media)
    await importCourseUpdate(db, id, update, title)
    return ok(id)
  } catch (thrown) {
    return { ok: false, error: toStorageError(thrown) }
  }
}

/** The sample course shipped with the app (renderer/public/samples), fetched from the app's own origin. */
export const SAMPLE_COURSE_URL = './samples/ledgerly-onboarding.chorus'

export async function fetchSampleCourse(): Promise<Result<Uint8Array>> {
  const failed = (detail: string) =>
    err('file-unreadable', `The sample course could not be loaded (${detail}). Reload Chorus and try again.`)
  try {
    const response = await fetch(SAMPLE_COURSE_URL)
    if (!response.ok) return failed(`HTTP ${response.status}`)
    return ok(new Uint8Array(await response.arrayBuffer()))
  } catch (thrown) {
    return failed(String(thrown))
  }
}
