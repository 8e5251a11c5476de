import type * as Y from 'yjs'
import { isCourseInitialised, readCourseMeta } from '../../../shared/course/read'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from './db'
import { toStorageError } from './storage-error'

/** How often, at most, the library entry follows an open course while it is being edited. */
export const MIRROR_INTERVAL_MS = 1000

export interface LibraryMirror {
  /** The course changed now; the entry is written within MIRROR_INTERVAL_MS. */
  touch(): void
  /** Writes a pending change now. Never rejects: the entry is a copy, and the course itself is saved elsewhere. */
  flush(): Promise<void>
  stop(): void
}

/**
 * Keeps a course's library entry (title, last edited) in step with its open document, at most once per
 * interval so typing does not turn every keystroke into a second write. A failed write is logged and
 * retried with the next change; the document, which the entry only mirrors, is stored by the update writer.
 */
export function mirrorLibraryEntry(
  db: ChorusDb,
  courseId: CourseId,
  doc: Y.Doc,
  now: () => number,
): LibraryMirror {
  let editedAt: number | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let writing: Promise<void> = Promise.resolve()

  function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    const at = editedAt
    if (at === undefined) return writing
    editedAt = undefined
    writing = writing
      .then(() => writeEntry(db, courseId, doc, at))
      .catch((thrown: unknown) => {
        editedAt ??= at
        const error = toStorageError(thrown)
        console.warn(`[storage] ${error.code}: library entry of course ${courseId} not updated`, thrown)
      })
    return writing
  }

  return {
    touch() {
      editedAt = now()
      timer ??= setTimeout(() => void flush(), MIRROR_INTERVAL_MS)
    },
    flush,
    stop() {
      clearTimeout(timer)
      timer = undefined
    },
  }
}

/** Re-creates a missing entry (deleted in another window while open here) so the stored course stays visible. */
async function writeEntry(db: ChorusDb, courseId: CourseId, doc: Y.Doc, updatedAt: number): Promise<void> {
  const meta = isCourseInitialised(doc) ? readCourseMeta(doc) : undefined
  await db.transaction('rw', db.courses, async () => {
    const entry = await db.courses.get(courseId)
    const title = meta?.title ?? entry?.title ?? ''
    await db.courses.put({
      ...entry,
      id: courseId,
      title,
      createdAt: entry?.createdAt ?? meta?.createdAt ?? updatedAt,
      updatedAt,
    })
  })
}
