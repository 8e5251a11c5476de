import type * as Y from 'yjs'
import { ok, type Result } from '../../../../shared/errors'
import { exportCourse } from '../../../../shared/export/export-course'
import { exportInputFromDoc } from '../../../../shared/export/from-doc'
import type { ExportFormat } from '../../../../shared/export/types'
import { nextPublishNumber, takeVersion } from '../../../../shared/history/history-doc'
import type { Platform } from '../../../../shared/platform'
import type { HistorySession } from '../../history/history-session'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { loadCourseMedia } from '../../media/media-store'
import { progressPercent } from './export-progress'

export interface ExportOutcome {
  readonly saved: boolean
  readonly fileName: string
  /** Media the lessons use that this device does not hold yet; the package shows placeholders for them. */
  readonly missingMedia: readonly string[]
  /** The publish number the package carries; null when this export recorded no version (not an author). */
  readonly publishNumber: number | null
}

/** A macrotask, not a microtask: lets React render and the browser paint the progress bar between steps. */
const yieldToPaint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * Exports the open course as a zip and hands it to the platform: a save dialog, or a download in the browser.
 * For an author, the package carries the course's next publish number and, once it is saved, an 'export' version
 * records what it holds; a cancelled save records nothing. Reviewers and viewers cannot write the course's
 * history, so their packages carry no number.
 */
export async function runExport(
  db: ChorusDb,
  platform: Platform,
  doc: Y.Doc,
  format: ExportFormat,
  onPercent: (percent: number) => void,
  history: HistorySession | null = null,
): Promise<Result<ExportOutcome>> {
  let media
  try {
    media = await loadCourseMedia(db, doc)
  } catch (thrown) {
    return { ok: false, error: toStorageError(thrown) }
  }
  const recorder = history?.canWrite === true ? history : null
  const publishNumber = recorder === null ? undefined : nextPublishNumber(recorder.history)
  const input = { ...exportInputFromDoc(doc, media), publishNumber }
  const exported = await exportCourse(input, format, async (progress) => {
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
  // Taken from the course as it is now: edits made while the zip was built are a moment newer than the package.
  if (saved.value.saved && recorder !== null)
    takeVersion(recorder.history, recorder.course, { reason: 'export', by: recorder.me, format })
  return ok({ saved: saved.value.saved, fileName, missingMedia, publishNumber: publishNumber ?? null })
}
