import type * as Y from 'yjs'
import { migrate, schemaStatus } from '../../../shared/course/migrate'
import { MIGRATION_ORIGIN } from '../../../shared/course/origins'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusDb } from './db'
import { mirrorLibraryEntry } from './library-mirror'
import { createSaveStatus, type SaveStatusSource } from './save-status'
export type { SaveStatus, SaveStatusSource } from './save-status'
import { chorusFailure, storage, toStorageError } from './storage-error'
import { docFromRows, persistDoc, type StoredDocOptions } from './stored-doc'

export type CourseAccess =
  | { readonly kind: 'editable' }
  /** Written by a newer Chorus: show it, never change it, and ask the user to update Chorus. */
  | { readonly kind: 'read-only'; readonly reason: 'schema-too-new'; readonly version: number }

export interface CourseStore {
  readonly doc: Y.Doc
  readonly access: CourseAccess
  readonly save: SaveStatusSource
  /** Resolves once every change so far is in IndexedDB; rejects with a ChorusFailure if it cannot be. */
  flush(): Promise<void>
  /** Flushes, then stops saving and destroys the doc. If the flush fails it rejects and the store stays open. */
  close(): Promise<void>
}

export type CourseStoreOptions = StoredDocOptions

/**
 * Loads a course from IndexedDB and keeps storing it: every change not loaded from storage becomes a row as
 * it happens, and the rows are replaced by one at an idle moment once there are more than the compaction threshold.
 */
export async function openCourseStore(
  db: ChorusDb,
  courseId: CourseId,
  options: CourseStoreOptions = {},
): Promise<CourseStore> {
  const now = options.now ?? Date.now
  const [entry, rows] = await storage(() =>
    db.transaction('r', db.courses, db.updates, () =>
      Promise.all([db.courses.get(courseId), db.updates.where('courseId').equals(courseId).toArray()]),
    ),
  )
  if (entry === undefined && rows.length === 0) {
    throw chorusFailure({
      code: 'course-not-found',
      message: 'This course is not on this device any more; it may have been deleted in another window.',
    })
  }
  const doc = docFromRows(
    rows,
    'The copy of this course stored on this device is damaged and cannot be opened. If it is shared, ask a co-author to send it again.',
  )
  const status = schemaStatus(doc)
  if (status.kind === 'too-new') {
    // No listener at all: nothing this app does to the document may reach storage.
    return readOnlyStore(doc, status.version, now())
  }
  return editableStore(db, courseId, doc, rows.length, options, now)
}

function readOnlyStore(doc: Y.Doc, version: number, openedAt: number): CourseStore {
  return {
    doc,
    access: { kind: 'read-only', reason: 'schema-too-new', version },
    save: createSaveStatus({ kind: 'saved', at: openedAt }),
    flush: () => Promise.resolve(),
    close: () => {
      doc.destroy()
      return Promise.resolve()
    },
  }
}

function editableStore(
  db: ChorusDb,
  courseId: CourseId,
  doc: Y.Doc,
  storedRows: number,
  options: CourseStoreOptions,
  now: () => number,
): CourseStore {
  const mirror = mirrorLibraryEntry(db, courseId, doc, now)
  const persisted = persistDoc(db, {
    table: 'updates',
    courseId,
    doc,
    storedRows,
    options: { ...options, now },
    alongside: {
      changed: (origin) => {
        if (origin !== MIGRATION_ORIGIN) mirror.touch()
      },
      flush: () => mirror.flush(),
      stop: () => mirror.stop(),
    },
  })

  try {
    // After persisting starts listening, so an upgraded document is stored as upgraded.
    migrate(doc)
  } catch (thrown) {
    persisted.abandon()
    mirror.stop()
    doc.destroy()
    throw thrown
  }
  db.courses.update(courseId, { lastOpenedAt: now() }).catch((thrown: unknown) => {
    console.warn(
      `[storage] ${toStorageError(thrown).code}: could not record opening course ${courseId}`,
      thrown,
    )
  })

  return {
    doc,
    access: { kind: 'editable' },
    save: persisted.save,
    flush: () => persisted.flush(),
    close: () => persisted.close(),
  }
}
