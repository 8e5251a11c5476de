/**
 * Transaction origins. Every change to a course document carries one, so the undo manager tracks only the
 * local user's commands and storage/relay/migration writes are told apart from them.
 * `Symbol.for` keeps them identical even if a bundle ends up with two copies of this module.
 */
export const LOCAL_ORIGIN: unique symbol = Symbol.for('chorus.origin.local')
export const REMOTE_ORIGIN: unique symbol = Symbol.for('chorus.origin.remote')
export const STORAGE_ORIGIN: unique symbol = Symbol.for('chorus.origin.storage')
export const MIGRATION_ORIGIN: unique symbol = Symbol.for('chorus.origin.migration')

export type ChorusOrigin =
  typeof LOCAL_ORIGIN | typeof REMOTE_ORIGIN | typeof STORAGE_ORIGIN | typeof MIGRATION_ORIGIN
