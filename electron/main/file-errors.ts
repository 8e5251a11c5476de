import type { ChorusError } from '../../shared/errors'

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined

/** Turns a Node file-system error into words that say what went wrong and what to do. */
export const describeWriteError = (error: unknown, path: string): ChorusError => {
  switch (codeOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        code: 'file-write-failed',
        message: `The disk is full, so ${path} was not saved. Free some space and save again.`,
      }
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return {
        code: 'file-write-failed',
        message: `Chorus may not write to ${path}. Choose another folder and save again.`,
      }
    default:
      return {
        code: 'file-write-failed',
        message: `${path} could not be saved (${String(error)}). Nothing was overwritten; try again.`,
      }
  }
}

export const describeReadError = (error: unknown, path: string): ChorusError => {
  switch (codeOf(error)) {
    case 'ENOENT':
      return { code: 'file-unreadable', message: `${path} no longer exists. Choose another file.` }
    case 'EACCES':
    case 'EPERM':
      return { code: 'file-unreadable', message: `Chorus may not read ${path}. Check its permissions.` }
    default:
      return { code: 'file-unreadable', message: `${path} could not be read (${String(error)}).` }
  }
}
