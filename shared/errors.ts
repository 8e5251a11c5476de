/**
 * Errors cross every boundary (IPC, relay, CLI, file import) as plain data with a stable code.
 * Codes are never renamed: logs, tests and other tools match on them.
 */
export type ErrorCode =
  | 'storage-quota-exceeded'
  | 'storage-blocked'
  | 'storage-failed'
  | 'schema-too-new'
  | 'course-not-found'
  /** A team that was never joined on this device (or was left), or whose invite does not name it. */
  | 'team-not-found'
  | 'file-unreadable'
  | 'file-corrupt'
  | 'file-too-new'
  /** A course file whose contents would inflate past the import caps (shared/course-file/limits.ts). */
  | 'file-too-large'
  /** A course file carrying media that are not an allowed type by their bytes (shared/media/media-types.ts). */
  | 'file-media-refused'
  /** An imported document that is password-protected (or a Word 97–2003 file, the same container). */
  | 'file-encrypted'
  /** An imported file that is not a .docx, a Markdown file or a .zip of Markdown. */
  | 'file-unsupported'
  | 'file-write-failed'
  | 'export-failed'
  | 'invalid-argument'
  | 'cancelled'

export interface ChorusError {
  readonly code: ErrorCode
  /** What went wrong and what to do, in words a user understands. */
  readonly message: string
}

export type Result<T, E = ChorusError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E }

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const err = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

export const isChorusError = (value: unknown): value is ChorusError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { code?: unknown }).code === 'string' &&
  typeof (value as { message?: unknown }).message === 'string'
