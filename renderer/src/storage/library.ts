import * as Y from 'yjs'
import { createCourse as initialiseCourse } from '../../../shared/course/commands'
import { newCourseId } from '../../../shared/course/ids'
import { readCourseMeta } from '../../../shared/course/read'
import type { CourseId } from '../../../shared/course/types'
import { mediaTables, releaseCourseMedia } from '../media/media-store'
import type { ChorusDb, LibraryEntry } from './db'
import { chorusFailure, storage } from './storage-error'

export interface NewLibraryCourse {
  readonly title: string
  readonly author?: string
  /** BCP 47 tag; the model defaults it. */
  readonly language?: string
}

/**
 * Builds the course document and stores its first update and its library entry together, or neither. `fill`
 * writes the first content (a team course's starter outline) into the new document before it is stored.
 */
export async function createCourse(
  db: ChorusDb,
  course: NewLibraryCourse,
  fill?: (doc: Y.Doc) => void,
): Promise<CourseId> {
  const id = newCourseId()
  const doc = new Y.Doc()
  initialiseCourse(doc, { id, ...course })
  fill?.(doc)
  const update = Y.encodeStateAsUpdate(doc)
  const { createdAt, title } = readCourseMeta(doc)
  doc.destroy()
  await storage(() =>
    db.transaction('rw', db.courses, db.updates, async () => {
      await db.courses.add({ id, title, createdAt, updatedAt: createdAt })
      await db.updates.add({ courseId: id, update })
    }),
  )
  return id
}

/**
 * Removes the course's entry, every stored update of its content, comments, versions and feedback, its relay token
 * and its media, in one transaction.
 */
export async function deleteCourse(db: ChorusDb, id: CourseId): Promise<void> {
  await storage(() =>
    db.transaction(
      'rw',
      [
        db.courses,
        db.updates,
        db.reviewUpdates,
        db.historyUpdates,
        db.feedbackUpdates,
        ...mediaTables(db),
        db.relayLinks,
      ],
      async () => {
        await db.courses.delete(id)
        // The token is a credential: it leaves with the course.
        await db.relayLinks.delete(id)
        await db.updates.where('courseId').equals(id).delete()
        await db.reviewUpdates.where('courseId').equals(id).delete()
        await db.historyUpdates.where('courseId').equals(id).delete()
        await db.feedbackUpdates.where('courseId').equals(id).delete()
        await releaseCourseMedia(db, id)
      },
    ),
  )
}

/**
 * Stores a whole course document (or any update to it) that came from outside: an opened .chorus file or a
 * shared course being joined. Adds the library entry if the course is new here; keeps its creation time if not.
 */
export async function importCourseUpdate(
  db: ChorusDb,
  id: CourseId,
  update: Uint8Array,
  title: string,
): Promise<void> {
  try {
    Y.decodeUpdate(update)
  } catch {
    throw chorusFailure({
      code: 'file-corrupt',
      message: 'This course file is damaged and cannot be opened. Ask its author for a new copy.',
    })
  }
  const now = Date.now()
  await storage(() =>
    db.transaction('rw', db.courses, db.updates, async () => {
      const existing = await db.courses.get(id)
      await db.courses.put({ ...existing, id, title, createdAt: existing?.createdAt ?? now, updatedAt: now })
      await db.updates.add({ courseId: id, update })
    }),
  )
}

/** The library, most recently edited first. Pass it to Dexie's liveQuery to follow changes. */
export function libraryQuery(db: ChorusDb): Promise<LibraryEntry[]> {
  return storage(() => db.courses.orderBy('updatedAt').reverse().toArray())
}

export function getLibraryEntry(db: ChorusDb, id: CourseId): Promise<LibraryEntry | undefined> {
  return storage(() => db.courses.get(id))
}
