import type { ChorusError } from '../../../../shared/errors'
import { toStorageError } from '../../storage/storage-error'

/**
 * What a team command's failure tells the person: a RangeError is input the relay would refuse, with its message;
 * anything else came from storing on this device (answering with a course stores a new course).
 */
export const commandFailure = (thrown: unknown): ChorusError =>
  thrown instanceof RangeError
    ? { code: 'invalid-argument', message: thrown.message }
    : toStorageError(thrown)
