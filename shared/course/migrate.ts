/**
 * Schema versions. A document written by a newer Chorus must never be edited here: an older editor silently
 * drops what it does not know. Older documents are upgraded on load, one version step at a time.
 */
import type * as Y from 'yjs'
import { MIGRATION_ORIGIN } from './origins'
import { CURRENT_SCHEMA_VERSION, META, metaMap } from './schema'

/**
 * 'current' means this app may edit the document (after `migrate`, for an older one);
 * 'too-new' means open it read-only and ask the user to update Chorus;
 * 'uninitialised' means no course is in it yet (e.g. still waiting for storage or a peer).
 */
export type SchemaStatus =
  | { readonly kind: 'current' }
  | { readonly kind: 'too-new'; readonly version: number }
  | { readonly kind: 'uninitialised' }

/** migrations[v] upgrades a document from version v to v + 1. Version 1 is the first, so none exist yet. */
const migrations: Readonly<Record<number, (doc: Y.Doc) => void>> = {}

const storedVersion = (doc: Y.Doc): unknown => metaMap(doc).get(META.schemaVersion)

export const schemaStatus = (doc: Y.Doc): SchemaStatus => {
  const version = storedVersion(doc)
  if (version === undefined) return { kind: 'uninitialised' }
  // A version that is not a whole number ≥ 1 was not written by any Chorus we know: treat it as unknown-newer,
  // which keeps the document read-only rather than risking damage.
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'too-new', version: Number(version) }
  }
  return version > CURRENT_SCHEMA_VERSION ? { kind: 'too-new', version } : { kind: 'current' }
}

/**
 * Brings an older document up to CURRENT_SCHEMA_VERSION in one transaction with the migration origin (so the
 * user cannot undo it). Leaves current, too-new and uninitialised documents untouched; safe to call on every load.
 */
export const migrate = (doc: Y.Doc): SchemaStatus => {
  const status = schemaStatus(doc)
  const from = storedVersion(doc)
  if (status.kind !== 'current' || typeof from !== 'number' || from === CURRENT_SCHEMA_VERSION) return status
  const steps: Array<(doc: Y.Doc) => void> = []
  for (let version = from; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = migrations[version]
    if (step === undefined) throw new Error(`migrate: no migration from schema version ${version}`)
    steps.push(step)
  }
  doc.transact(() => {
    for (const step of steps) step(doc)
    metaMap(doc).set(META.schemaVersion, CURRENT_SCHEMA_VERSION)
  }, MIGRATION_ORIGIN)
  return schemaStatus(doc)
}
