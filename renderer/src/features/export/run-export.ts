import type * as Y from 'yjs'
import { ok, type Result } from '../../../../shared/errors'
import { exportCourse } from '../../../../shared/export/export-course'
import { exportInputFromDoc } from '../../../../shared/export/from-doc'
import type { ExportFormat } from '../../../../shared/export/types'
import type { Platform } from '../../../../shared/platform'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { loadCourseMedia } from '../../media/media-store'
import { progressPercent } from './export-progress'

export interface ExportOutcome {
  readonly saved: boolean
  readonly fileName: string
  /** Media the lessons use that this device does not hold yet; the package shows placeholders for them. */
  readonly missingMedia: readonly string[]
}

/** A macrotask, not a microtask: lets React render and the browser paint the progress bar between steps. */
const yieldToPaint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** Exports the open course as a zip and hands it to the platform: a save dialog, or a download in the browser. */
export async function runExport(
  db: ChorusDb,
  platform: Platform,
  doc: Y.Doc,
  format: ExportFormat,
  onPercent: (percent: number) => void,
): Promise<Result<ExportOutcome>> {
  let media
  try {
    media = await loadCourseMedia(db, doc)
  } catch (thrown) {
    return { ok: false, error: toStorageError(thrown) }
  }
  const exported = await exportCourse(exportInputFromDoc(doc, media), format, async (progress) => {
    onPercent(progressPercent(progress))
    await yieldToPaint()
  })
  if (!exported.ok) return exported
  const { zip, fileName, missingMedia } = exported.value
  const saved = await platform.saveFile({
    suggestedName: fileName,
    bytes: zip,
    filters: [{ name: 'Zip archive', extensions: ['zip'] }],
  })
  if (!saved.ok) return saved
  return ok({ saved: saved.value.saved, fileName, missingMedia })
}
