import type { ContentNode } from '../course/content'
import type { CourseSnapshot, LessonId } from '../course/types'

export type ExportFormat = 'scorm12' | 'scorm2004' | 'web'

export const EXPORT_FORMATS: readonly ExportFormat[] = ['scorm12', 'scorm2004', 'web']

export const isExportFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value)

/** A media blob as the course stores it: keyed elsewhere by the SHA-256 hex of `bytes`. */
export interface MediaBlob {
  readonly bytes: Uint8Array
  readonly mime: string
}

/** Everything an export reads: plain data, so the same input serves the app, the CLI and tests. */
export interface ExportInput {
  readonly course: CourseSnapshot
  readonly lessons: ReadonlyMap<LessonId, ContentNode>
  readonly media: ReadonlyMap<string, MediaBlob>
  /**
   * The course's publish number (1, 2, 3…: its history's count of exports) when the app exports it; the package
   * carries it in its manifest and the player's footer. Left out by exports that see no history (the CLI, the
   * relay's export command): the manifest then says version 1 as it always did, and the player shows none.
   */
  readonly publishNumber?: number
}

export type ExportPhase = 'lessons' | 'media' | 'zip'

export interface ExportProgress {
  readonly phase: ExportPhase
  readonly done: number
  readonly total: number
}

/**
 * Called as the export advances. It may return a promise: the export waits for it, which lets a UI
 * yield to its event loop (and repaint a progress bar) between steps.
 */
export type ProgressListener = (progress: ExportProgress) => void | Promise<void>

/** Package files by path inside the zip ('/'-separated, no leading slash), in the order they are zipped. */
export type PackageFiles = Map<string, Uint8Array>

export interface BuiltPackage {
  readonly files: PackageFiles
  /** Hashes the lessons point at but `media` lacks (e.g. not yet synced); the player shows a placeholder. */
  readonly missingMedia: readonly string[]
}
