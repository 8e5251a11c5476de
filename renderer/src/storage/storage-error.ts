import { isChorusError, type ChorusError } from '../../../shared/errors'

/** A thrown ChorusError: an Error (stack, instanceof) that also carries the stable code and user message. */
export type ChorusFailure = Error & ChorusError

const FAILURE_NAME = 'ChorusFailure'

export function chorusFailure(error: ChorusError): ChorusFailure {
  return Object.assign(new Error(error.message), { code: error.code, name: FAILURE_NAME })
}

const KEPT = 'Your latest changes are kept in this window until they can be saved, so do not close it.'

const QUOTA_NAMES = new Set(['QuotaExceededError'])
const BLOCKED_NAMES = new Set([
  'DatabaseClosedError',
  'VersionError',
  'VersionChangeError',
  'BlockedError',
  'InvalidStateError',
])

/**
 * Maps whatever IndexedDB or Dexie threw to a stable code and a message that says what to do.
 * Dexie wraps the native error (`inner`, bulk `failures`), so the whole chain is searched: a quota error
 * surfaces as an AbortError whose inner error is the QuotaExceededError.
 */
export function toStorageError(thrown: unknown): ChorusError {
  // Already mapped (a ChorusFailure or plain ChorusError data); other Errors may carry unrelated string codes.
  if (isChorusError(thrown) && (!(thrown instanceof Error) || thrown.name === FAILURE_NAME)) {
    return { code: thrown.code, message: thrown.message }
  }
  const names = errorNames(thrown)
  if (names.some((name) => QUOTA_NAMES.has(name))) {
    return {
      code: 'storage-quota-exceeded',
      message: `Chorus could not save: this device's storage is full. Free up disk space or delete courses you no longer need. ${KEPT}`,
    }
  }
  if (names.some((name) => BLOCKED_NAMES.has(name))) {
    return {
      code: 'storage-blocked',
      message: `Chorus could not save: the local database is closed or held by another Chorus window. Close other Chorus windows and tabs. ${KEPT}`,
    }
  }
  return {
    code: 'storage-failed',
    message: `Chorus could not save to local storage (${describe(thrown)}). It tries again with your next change. ${KEPT}`,
  }
}

function errorNames(thrown: unknown, depth = 0): string[] {
  if (depth > 5 || typeof thrown !== 'object' || thrown === null) return []
  const record = thrown as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown }
  const own = typeof record.name === 'string' ? [record.name] : []
  const failures = Array.isArray(record.failures) ? (record.failures as unknown[]) : []
  return [...own, ...[record.inner, record.cause, ...failures].flatMap((next) => errorNames(next, depth + 1))]
}

function describe(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`
  return String(thrown)
}

/** Runs a Dexie call and rethrows its failure as a ChorusFailure with a stable code. */
export async function storage<T>(run: () => PromiseLike<T>): Promise<T> {
  try {
    return await run()
  } catch (thrown) {
    throw chorusFailure(toStorageError(thrown))
  }
}
