import { ok, type Result } from '../errors'
import { buildPackage } from './build-package'
import type { ExportFormat, ExportInput, ProgressListener } from './types'
import { zipPackage } from './zip'

export interface ExportedPackage {
  readonly zip: Uint8Array
  /** A file name to offer in a save dialog or download, e.g. "onboarding-to-ledgerly-scorm12.zip". */
  readonly fileName: string
  readonly missingMedia: readonly string[]
}

const slug = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'course'

/** The whole export the app and the CLI run: build the package, then zip it. */
export const exportCourse = async (
  input: ExportInput,
  format: ExportFormat,
  onProgress?: ProgressListener,
): Promise<Result<ExportedPackage>> => {
  const built = await buildPackage(input, format, onProgress)
  if (!built.ok) return built
  await onProgress?.({ phase: 'zip', done: 0, total: 1 })
  const zip = zipPackage(built.value.files, input.course.meta.updatedAt)
  await onProgress?.({ phase: 'zip', done: 1, total: 1 })
  return ok({
    zip,
    fileName: `${slug(input.course.meta.title)}-${format}.zip`,
    missingMedia: built.value.missingMedia,
  })
}
