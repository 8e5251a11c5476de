import * as Y from 'yjs'
import { migrate, schemaStatus } from '../../../shared/course/migrate'
import { MIGRATION_ORIGIN, STORAGE_ORIGIN } from '../../../shared/course/origins'
import type { CourseId } from '../../../shared/course/types'
import { COMPACTION_THRESHOLD, compactCourseUpdates } from './compaction'
import type { ChorusDb, UpdateRow } from './db'
import { mirrorLibraryEntry } from './library-mirror'
import { onPageLeave, type PageTargets } from './page-lifecycle'
import { createSaveStatus, type SaveStatusSource } from './save-status'
export type { SaveStatus, SaveStatusSource } from './save-status'
import { chorusFailure, storage, toStorageError } from './storage-error'
import { createUpdateWriter } from './update-writer'

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

export interface CourseStoreOptions {
  /** Events that announce the page going away; defaults to the browser's window and document. */
  readonly page?: PageTargets
  readonly now?: () => number
  readonly compactionThreshold?: number
}

/**
 * Loads a course from IndexedDB and keeps storing it: every change not loaded from storage becomes a row as
 * it happens, and the rows are merged into one once there are more than the compaction threshold.
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
  const doc = loadDoc(rows)
  const status = schemaStatus(doc)
  if (status.kind === 'too-new') {
    // No listener at all: nothing this app does to the document may reach storage.
    return readOnlyStore(doc, status.version, now())
  }
  return editableStore(db, courseId, doc, rows.length, options, now)
}

function loadDoc(rows: readonly UpdateRow[]): Y.Doc {
  const doc = new Y.Doc()
  if (rows.length === 0) return doc
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(rows.map((row) => row.update)), STORAGE_ORIGIN)
  } catch (thrown) {
    doc.destroy()
    console.error('[storage] storage-failed: stored course updates do not decode', thrown)
    throw chorusFailure({
      code: 'storage-failed',
      message:
        'The copy of this course stored on this device is damaged and cannot be opened. If it is shared, ask a co-author to send it again.',
    })
  }
  return doc
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
  const threshold = options.compactionThreshold ?? COMPACTION_THRESHOLD
  const status = createSaveStatus({ kind: 'saved', at: now() })
  let rowCount = storedRows

  const compact = async (): Promise<void> => {
    try {
      await compactCourseUpdates(db, courseId)
      rowCount = 1
    } catch (thrown) {
      // Nothing is lost (the transaction rolled back); try again after another threshold's worth of rows.
      rowCount = 0
      console.warn(`[storage] ${toStorageError(thrown).code}: compacting course ${courseId} failed`, thrown)
    }
  }
  const writer = createUpdateWriter(
    async (update) => {
      await db.updates.add({ courseId, update })
      rowCount++
      if (rowCount > threshold) await compact()
    },
    status,
    now,
  )
  const mirror = mirrorLibraryEntry(db, courseId, doc, now)

  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) return
    writer.push(update)
    if (origin !== MIGRATION_ORIGIN) mirror.touch()
  }
  doc.on('update', onUpdate)
  const detach = [
    () => doc.off('update', onUpdate),
    onPageLeave(() => {
      void writer.writeNow()
      void mirror.flush()
    }, options.page),
    db.connection.beforeClose(async () => {
      await Promise.all([writer.writeNow(), mirror.flush()])
    }),
    db.connection.onProblem((problem) => {
      if (problem) status.set({ kind: 'error', error: problem })
    }),
  ]

  try {
    // After the listener, so an upgraded document is stored as upgraded.
    migrate(doc)
  } catch (thrown) {
    detach.forEach((stop) => stop())
    doc.destroy()
    throw thrown
  }
  if (rowCount > threshold) void compact()
  db.courses.update(courseId, { lastOpenedAt: now() }).catch((thrown: unknown) => {
    console.warn(
      `[storage] ${toStorageError(thrown).code}: could not record opening course ${courseId}`,
      thrown,
    )
  })

  const finish = async (): Promise<void> => {
    // Still listening while flushing: a change that lands meanwhile (say, from a peer) is saved too.
    do {
      await writer.flush()
      await mirror.flush()
    } while (writer.hasUnsaved())
    detach.forEach((stop) => stop())
    mirror.stop()
    doc.destroy()
  }
  let closing: Promise<void> | undefined
  return {
    doc,
    access: { kind: 'editable' },
    save: status,
    flush: () => writer.flush(),
    close() {
      closing ??= finish().catch((thrown: unknown) => {
        closing = undefined
        throw thrown
      })
      return closing
    },
  }
}
