/**
 * Every IPC argument comes from a renderer that might be compromised, so each handler checks its
 * input here before acting. Pure functions: tested in Node.
 */
import { err, ok, type Result } from '../../shared/errors'
import type { InvokeArgs, InvokeChannel, SaveFileArgs } from '../../shared/ipc'
import { isExternalHttpUrl, type FileFilter } from '../../shared/platform'

const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
const MAX_NAME_LENGTH = 255
const EXTENSION = /^[a-z0-9]{1,16}$/i

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

export const parseFilters = (value: unknown): Result<readonly FileFilter[]> => {
  if (!Array.isArray(value) || value.length > 16)
    return err('invalid-argument', 'File filters must be a short list.')
  const filters: FileFilter[] = []
  for (const filter of value) {
    if (!isRecord(filter) || typeof filter.name !== 'string' || filter.name.length > 100) {
      return err('invalid-argument', 'Each file filter needs a name.')
    }
    const { extensions } = filter
    if (
      !Array.isArray(extensions) ||
      !extensions.every((e): e is string => typeof e === 'string' && EXTENSION.test(e))
    ) {
      return err('invalid-argument', 'File filter extensions must be short alphanumeric strings.')
    }
    filters.push({ name: filter.name, extensions })
  }
  return ok(filters)
}

/** A file name only: no folders, so the renderer cannot choose where on disk a suggestion points. */
const isPlainFileName = (name: string): boolean =>
  name.length > 0 &&
  name.length <= MAX_NAME_LENGTH &&
  !/[/\\]/.test(name) &&
  name !== '.' &&
  name !== '..' &&
  !name.includes('\0')

export const parseSaveFileArgs = (value: unknown): Result<SaveFileArgs> => {
  if (!isRecord(value)) return err('invalid-argument', 'Saving a file needs a name and its contents.')
  const { suggestedName, bytes, filters } = value
  if (typeof suggestedName !== 'string' || !isPlainFileName(suggestedName)) {
    return err('invalid-argument', 'The suggested file name must be a plain file name.')
  }
  if (!(bytes instanceof Uint8Array) || bytes.byteLength > MAX_FILE_BYTES) {
    return err('invalid-argument', 'The file contents must be bytes, at most 2 GB.')
  }
  const parsedFilters = parseFilters(filters)
  if (!parsedFilters.ok) return parsedFilters
  return ok({ suggestedName, bytes, filters: parsedFilters.value })
}

export const parseExternalUrl = (value: unknown): Result<string> =>
  typeof value === 'string' && value.length < 8192 && isExternalHttpUrl(value)
    ? ok(value)
    : err('invalid-argument', 'Only http and https links can be opened in the browser.')

/** The check of each invoke channel's argument, typed by the contract: a validator of another type fails here. */
export const invokeValidators = {
  'chorus:save-file': parseSaveFileArgs,
  'chorus:open-file': parseFilters,
  'chorus:open-external': parseExternalUrl,
} as const satisfies { readonly [C in InvokeChannel]: (raw: unknown) => Result<InvokeArgs<C>> }
