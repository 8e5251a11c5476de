/**
 * The value of one entry of the history document's `versions` map (history-doc.ts owns the document): plain JSON
 * any app version can read, checked field by field because it comes from peers.
 */
import type { ExportFormat, Person, VersionReason } from './types'

/** Bump when the entry changes incompatibly; a reader skips entries of another format instead of misreading them. */
export const STORED_VERSION_FORMAT = 1

export interface StoredVersion {
  readonly format: number
  readonly name: string
  readonly reason: VersionReason
  readonly createdAt: number
  readonly createdBy: Person
  readonly contributors: readonly Person[]
  readonly changedLessons: readonly { readonly id: string; readonly title: string }[]
  readonly published: { readonly number: number; readonly format: ExportFormat } | null
  /** The course's Yjs snapshot at this version (state vector and delete set), compressed (state-parts.ts). */
  readonly snapshot: Uint8Array
  /** The version whose state the parts are a delta to; null when the parts are a full state. */
  readonly base: string | null
  /** How many parts the (compressed) state was cut into (state-parts.ts). */
  readonly parts: number
  /** Deltas since the last full state, this one included (0 for a full state), and their compressed bytes. */
  readonly chain: number
  readonly chainBytes: number
  /** Compressed bytes of the full state the chain starts from. */
  readonly rootBytes: number
}

const REASONS: readonly VersionReason[] = ['named', 'export', 'publish', 'before-restore', 'hourly']
const FORMATS: readonly ExportFormat[] = ['scorm12', 'scorm2004', 'web']

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0

export const parsePerson = (value: unknown): Person | undefined =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string'
    ? { id: value.id, name: value.name }
    : undefined

const parsePeople = (value: unknown): Person[] | undefined => {
  if (!Array.isArray(value)) return undefined
  const people = value.map(parsePerson)
  return people.every((person) => person !== undefined) ? (people as Person[]) : undefined
}

const parseLessonRefs = (value: unknown): { id: string; title: string }[] | undefined => {
  if (!Array.isArray(value)) return undefined
  const refs = value.map((ref) =>
    isRecord(ref) && typeof ref.id === 'string' && typeof ref.title === 'string'
      ? { id: ref.id, title: ref.title }
      : undefined,
  )
  return refs.every((ref) => ref !== undefined) ? (refs as { id: string; title: string }[]) : undefined
}

const parsePublished = (value: unknown): StoredVersion['published'] | undefined => {
  if (value === null) return null
  if (!isRecord(value) || !isCount(value.number)) return undefined
  const format = FORMATS.find((f) => f === value.format)
  return format === undefined ? undefined : { number: value.number, format }
}

/** Entries come from peers (any app version), so every field is checked; a malformed entry reads as absent. */
export const parseStoredVersion = (value: unknown): StoredVersion | undefined => {
  if (!isRecord(value) || value.format !== STORED_VERSION_FORMAT) return undefined
  const reason = REASONS.find((r) => r === value.reason)
  const createdBy = parsePerson(value.createdBy)
  const contributors = parsePeople(value.contributors)
  const changedLessons = parseLessonRefs(value.changedLessons)
  const published = parsePublished(value.published)
  const { name, createdAt, snapshot, base, parts, chain, chainBytes, rootBytes } = value
  if (
    reason === undefined ||
    createdBy === undefined ||
    contributors === undefined ||
    changedLessons === undefined ||
    published === undefined ||
    typeof name !== 'string' ||
    typeof createdAt !== 'number' ||
    !Number.isFinite(createdAt) ||
    !(snapshot instanceof Uint8Array) ||
    !(base === null || typeof base === 'string') ||
    !isCount(parts) ||
    parts === 0 ||
    !isCount(chain) ||
    !isCount(chainBytes) ||
    !isCount(rootBytes)
  ) {
    return undefined
  }
  return {
    format: STORED_VERSION_FORMAT,
    name,
    reason,
    createdAt,
    createdBy,
    contributors,
    changedLessons,
    published,
    snapshot,
    base,
    parts,
    chain,
    chainBytes,
    rootBytes,
  }
}
