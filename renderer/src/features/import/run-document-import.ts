import * as Y from 'yjs'
import type { CourseId } from '../../../../shared/course/types'
import { ok, type Result } from '../../../../shared/errors'
import {
  addImportToCourse,
  buildImportedCourse,
  type AddedImport,
} from '../../../../shared/import/apply-plan'
import type { ImportPlan } from '../../../../shared/import/outline-plan'
import type { ImportPhase, PickedDocument } from '../../../../shared/import/read-document'
import type { ParsedDocument } from '../../../../shared/import/parsed-document'
import type { FileFilter } from '../../../../shared/platform'
import { newCourseId } from '../../../../shared/course/ids'
import { readCourseMeta } from '../../../../shared/course/read'
import { storeCourseMedia } from '../../media/media-store'
import type { ChorusDb } from '../../storage/db'
import { importCourseUpdate } from '../../storage/library'
import { toStorageError } from '../../storage/storage-error'

export const DOCUMENT_FILTERS: readonly FileFilter[] = [
  { name: 'Word or Markdown document', extensions: ['docx', 'md', 'markdown', 'zip'] },
]

export interface ReadProgress {
  readonly phase: ImportPhase
  readonly percent: number
}

/** Lets the page repaint (and a Cancel click land) between steps of a long conversion. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * Reads and converts the picked file; `signal` cancels it at its next step. The converters (mammoth, markdown-it)
 * load on first use, so they cost nothing at start-up.
 */
export const readPickedDocument = async (
  file: PickedDocument,
  onProgress: (progress: ReadProgress) => void,
  signal: AbortSignal,
): Promise<Result<ParsedDocument>> => {
  const { readDocument } = await import('../../../../shared/import/read-document')
  return readDocument(file, {
    signal,
    onProgress: async (phase, done, total) => {
      onProgress({ phase, percent: total === 0 ? 100 : Math.round((done / total) * 100) })
      await nextFrame()
    },
  })
}

/**
 * Stores the imported course as a new course: the document is built whole in memory and written with its
 * library entry in one storage transaction (media first: a blob without a course is harmless, a course without
 * its blobs is not), so quitting half-way leaves no half-built course.
 */
export async function createImportedCourse(db: ChorusDb, plan: ImportPlan): Promise<Result<CourseId>> {
  const id = newCourseId()
  const doc = buildImportedCourse(plan, { id })
  const update = Y.encodeStateAsUpdate(doc)
  const { title } = readCourseMeta(doc)
  doc.destroy()
  try {
    await storeCourseMedia(db, id, plan.media)
    await importCourseUpdate(db, id, update, title)
    return ok(id)
  } catch (thrown) {
    return { ok: false, error: toStorageError(thrown) }
  }
}

/** Adds the import to an open course: its media are stored first, then one transaction changes the course. */
export async function addImportToOpenCourse(
  db: ChorusDb,
  courseId: CourseId,
  doc: Y.Doc,
  plan: ImportPlan,
): Promise<Result<AddedImport>> {
  try {
    await storeCourseMedia(db, courseId, plan.media)
  } catch (thrown) {
    return { ok: false, error: toStorageError(thrown) }
  }
  return ok(addImportToCourse(doc, plan))
}
