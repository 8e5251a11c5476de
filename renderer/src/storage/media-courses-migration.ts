import type { Transaction } from 'dexie'
import * as Y from 'yjs'
import { mediaReferences } from '../../../shared/course/media-refs'
import type { CourseId } from '../../../shared/course/types'
import type { MediaCourseRow } from './db'

/**
 * Version 4 (issue 10): which courses may use which stored blob. Each blob is associated with the course that
 * stored it (its row's `courseId`). A blob used by two courses was stored once, under the first; the second
 * course is associated too when it has no relay, since then every reference in its lessons was made on this
 * device. A shared course is not: a co-author could have named another course's blob by hash. It gets its own
 * association by downloading the blob from its relay, where it was uploaded before this version.
 * Keys only, never blob bytes, are read.
 */
export async function associateStoredMedia(transaction: Transaction): Promise<void> {
  const media = transaction.table('media')
  const rows: MediaCourseRow[] = []
  await media.orderBy('courseId').eachKey((courseId, cursor) => {
    rows.push({ hash: String(cursor.primaryKey), courseId: courseId as CourseId })
  })
  const stored = new Set((await media.toCollection().primaryKeys()).map(String))
  const shared = new Set(await transaction.table('relayLinks').toCollection().primaryKeys())
  const courses = (await transaction.table('courses').toCollection().primaryKeys()) as CourseId[]
  for (const courseId of courses.filter((id) => !shared.has(id))) {
    const doc = new Y.Doc()
    const updates = (await transaction.table('updates').where('courseId').equals(courseId).toArray()) as {
      update: Uint8Array
    }[]
    for (const { update } of updates) Y.applyUpdate(doc, update)
    for (const hash of mediaReferences(doc).keys()) if (stored.has(hash)) rows.push({ hash, courseId })
    doc.destroy()
  }
  await transaction.table('mediaCourses').bulkPut(rows)
}
