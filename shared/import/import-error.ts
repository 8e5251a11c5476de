import type { ChorusError, ErrorCode } from '../errors'

/** Thrown inside the readers and caught at the import's boundary, where it becomes a Result. */
export class ImportError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }

  toChorusError(): ChorusError {
    return { code: this.code, message: this.message }
  }
}
