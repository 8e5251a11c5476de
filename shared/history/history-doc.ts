/**
 * The one place that knows the history document's shape. One history Y.Doc per course, synced in its own room
 * (`<courseId>/history`) and kept on the device, so versions reach co-authors and work offline.
 *
 * - root Y.Map `versions`: versionId → plain JSON entry (stored-version.ts): what the History panel lists, plus
 *   how to rebuild the course at that version — its Yjs snapshot, its base version, how many state parts it has.
 * - root Y.Map `parts`: `<versionId>/<n>` → Uint8Array, the course's state at that version as a compressed Yjs
 *   update (V2), cut into parts of at most HISTORY_PART_BYTES (state-parts.ts).
 * - root Y.Map `writers`: course Yjs client id → { id, name }, who typed with that client id.
 *
 * Storage: a version stores a delta — the update from its base version's state vector to the course now — and
 * a full state only when the deltas since the last full state would outgrow it, or after MAX_CHAIN deltas. A full
 * copy per version would cost a whole course each time; Yjs snapshots need a course document that never
 * garbage-collects, which would grow every live course document forever. Entries are written once and never
 * changed, so two authors taking versions at once both keep theirs.
 */
import * as Y from 'yjs'
import { randomString } from '../course/ids'
import { lessonsMap } from '../course/schema'
import { changedLessonsSince } from './changed-lessons'
import { containsSnapshot, stateAdvanced } from './snapshots'
import { packSnapshot, packState, unpackSnapshot, unpackState } from './state-parts'
import { STORED_VERSION_FORMAT, parsePerson, parseStoredVersion, type StoredVersion } from './stored-version'
import type { ExportFormat, Person, VersionId, VersionReason, VersionSummary } from './types'

export const HISTORY_ROOT = {
  versions: 'versions',
  parts: 'parts',
  writers: 'writers',
} as const

/**
 * The origin of every history transaction, so a sync layer or an undo manager can tell them apart.
 * `Symbol.for` keeps it identical even if a bundle holds two copies of this module.
 */
export const HISTORY_ORIGIN: unique symbol = Symbol.for('chorus.origin.history')

/** Longest run of deltas before a full state: bounds the work of opening a version. */
const MAX_CHAIN = 50

/** How old the last version must be before an edit takes an hourly one. */
export const HOURLY_VERSION_MS = 60 * 60 * 1000

/** How many of the newest versions are tried as the base of a delta. */
const BASE_CANDIDATES = 8

const versionsMap = (history: Y.Doc): Y.Map<unknown> => history.getMap(HISTORY_ROOT.versions)
const partsMap = (history: Y.Doc): Y.Map<unknown> => history.getMap(HISTORY_ROOT.parts)
const writersMap = (history: Y.Doc): Y.Map<unknown> => history.getMap(HISTORY_ROOT.writers)

const partKey = (id: string, index: number): string => `${id}/${index}`

const summaryOf = (id: string, stored: StoredVersion): VersionSummary => ({
  id: id as VersionId,
  name: stored.name,
  reason: stored.reason,
  createdAt: stored.createdAt,
  createdBy: stored.createdBy,
  contributors: stored.contributors,
  changedLessons: stored.changedLessons as VersionSummary['changedLessons'],
  ...(stored.published === null ? {} : { published: stored.published }),
})

interface Entry {
  readonly id: string
  readonly stored: StoredVersion
}

/** Newest first; equal times (two devices in the same millisecond) ordered by id, the same on every replica. */
const compareNewestFirst = (a: Entry, b: Entry): number =>
  b.stored.createdAt - a.stored.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

const readEntries = (history: Y.Doc): Entry[] => {
  const entries: Entry[] = []
  versionsMap(history).forEach((value, id) => {
    const stored = parseStoredVersion(value)
    if (stored !== undefined) entries.push({ id, stored })
  })
  return entries.sort(compareNewestFirst)
}

const readEntry = (history: Y.Doc, id: string): StoredVersion | undefined =>
  parseStoredVersion(versionsMap(history).get(id))

const decodeSnapshot = (stored: StoredVersion): Y.Snapshot | undefined => unpackSnapshot(stored.snapshot)

export const listVersions = (history: Y.Doc): VersionSummary[] =>
  readEntries(history).map(({ id, stored }) => summaryOf(id, stored))

export const lastPublished = (history: Y.Doc): VersionSummary | null =>
  listVersions(history).find((version) => version.published !== undefined) ?? null

/**
 * One more than the highest number published so far. Two authors publishing at the same time, offline, both take
 * the same number: each package already carries it, so neither is renumbered; the next publish is unique again.
 */
export const nextPublishNumber = (history: Y.Doc): number =>
  listVersions(history).reduce((highest, version) => Math.max(highest, version.published?.number ?? 0), 0) + 1

/** Idempotent; a person may write with many client ids (one per device and session). */
export const registerWriter = (history: Y.Doc, courseClientId: number, person: Person): void => {
  const writers = writersMap(history)
  const key = String(courseClientId)
  const known = parsePerson(writers.get(key))
  if (known?.id === person.id && known.name === person.name) return
  history.transact(() => writers.set(key, { id: person.id, name: person.name }), HISTORY_ORIGIN)
}

/** The people whose client ids wrote something after `before`, by name. Unregistered client ids are left out. */
const contributorsSince = (history: Y.Doc, before: Y.Snapshot | undefined, now: Y.Snapshot): Person[] => {
  const writers = writersMap(history)
  const people = new Map<string, Person>()
  for (const [client, clock] of now.sv) {
    if (clock <= (before?.sv.get(client) ?? 0)) continue
    const person = parsePerson(writers.get(String(client)))
    if (person !== undefined && !people.has(person.id)) people.set(person.id, person)
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** The state of one version as stored (a full state or a delta), or undefined if a part is missing here. */
const readState = (history: Y.Doc, id: string, stored: StoredVersion): Uint8Array | undefined => {
  const parts = partsMap(history)
  const chunks: Uint8Array[] = []
  for (let index = 0; index < stored.parts; index++) {
    const chunk = parts.get(partKey(id, index))
    if (!(chunk instanceof Uint8Array)) return undefined
    chunks.push(chunk)
  }
  return unpackState(chunks)
}

/** The versions whose states rebuild `id`, its full state first; undefined if one is missing or malformed here. */
const chainOf = (history: Y.Doc, id: string): Entry[] | undefined => {
  const chain: Entry[] = []
  const seen = new Set<string>()
  for (let current: string | null = id; current !== null;) {
    const stored: StoredVersion | undefined = seen.has(current) ? undefined : readEntry(history, current)
    if (stored === undefined) return undefined
    seen.add(current)
    chain.push({ id: current, stored })
    current = stored.base
  }
  return chain.reverse()
}

const hasAllParts = (history: Y.Doc, { id, stored }: Entry): boolean => {
  for (let index = 0; index < stored.parts; index++) {
    if (!(partsMap(history).get(partKey(id, index)) instanceof Uint8Array)) return false
  }
  return true
}

/** The states that rebuild version `id`, its full state first; undefined if one is missing or damaged here. */
const statesOf = (history: Y.Doc, id: string): Uint8Array[] | undefined => {
  const chain = chainOf(history, id)
  if (chain === undefined) return undefined
  const states: Uint8Array[] = []
  for (const link of chain) {
    const state = readState(history, link.id, link.stored)
    if (state === undefined) return undefined
    states.push(state)
  }
  return states
}

/** A course document at that version, for reading only; null if its states have not all arrived here yet. */
export const openVersion = (history: Y.Doc, id: VersionId): Y.Doc | null => {
  const states = statesOf(history, id)
  if (states === undefined) return null
  const doc = new Y.Doc()
  try {
    // One transaction: the deltas integrate into the full state with one cleanup at the end.
    doc.transact(() => {
      for (const state of states) Y.applyUpdateV2(doc, state)
    })
  } catch {
    doc.destroy()
    return null
  }
  return doc
}

export interface VersionStorage {
  /** A full state, or a delta to the version `base`. */
  readonly base: VersionId | null
  readonly parts: number
  /** Stored (compressed) bytes of its state. */
  readonly bytes: number
}

/** How a version is stored, for measurements and tests; null for an unknown or malformed version. */
export const versionStorage = (history: Y.Doc, id: VersionId): VersionStorage | null => {
  const stored = readEntry(history, id)
  if (stored === undefined) return null
  let bytes = 0
  for (let index = 0; index < stored.parts; index++) {
    const part = partsMap(history).get(partKey(id, index))
    bytes += part instanceof Uint8Array ? part.length : 0
  }
  return { base: stored.base as VersionId | null, parts: stored.parts, bytes }
}

/**
 * The version a delta can start from: the newest one (of the last few) whose whole state the course holds and
 * whose states are all here. Another device's version may hold edits this course has not received yet; a delta
 * from it would rebuild a state that never existed here.
 */
const findBase = (history: Y.Doc, entries: readonly Entry[], now: Y.Snapshot): Entry | undefined =>
  entries.slice(0, BASE_CANDIDATES).find(({ id, stored }) => {
    const snapshot = decodeSnapshot(stored)
    return (
      snapshot !== undefined &&
      containsSnapshot(now, snapshot) &&
      chainOf(history, id)?.every((link) => hasAllParts(history, link)) === true
    )
  })

interface PlannedState {
  readonly parts: Uint8Array[]
  readonly base: string | null
  readonly chain: number
  readonly chainBytes: number
  readonly rootBytes: number
}

const partsBytes = (parts: readonly Uint8Array[]): number => parts.reduce((sum, part) => sum + part.length, 0)

/** A delta from the base while the chain is short and its deltas together stay smaller than its full state. */
const planState = (course: Y.Doc, base: Entry | undefined): PlannedState => {
  const baseSnapshot = base === undefined ? undefined : decodeSnapshot(base.stored)
  if (base !== undefined && baseSnapshot !== undefined && base.stored.chain < MAX_CHAIN) {
    const parts = packState(Y.encodeStateAsUpdateV2(course, Y.encodeStateVector(baseSnapshot.sv)))
    const chainBytes = base.stored.chainBytes + partsBytes(parts)
    if (chainBytes <= base.stored.rootBytes) {
      return {
        parts,
        base: base.id,
        chain: base.stored.chain + 1,
        chainBytes,
        rootBytes: base.stored.rootBytes,
      }
    }
  }
  const parts = packState(Y.encodeStateAsUpdateV2(course))
  return { parts, base: null, chain: 0, chainBytes: 0, rootBytes: partsBytes(parts) }
}

export interface NewVersion {
  /** The name given by hand; '' or absent for automatic versions. */
  readonly name?: string
  readonly reason: VersionReason
  readonly by: Person
  /** Required for an export or publish: the package's format. */
  readonly format?: ExportFormat
}

/**
 * Records the course as it is now. A version that fits in one part is one transaction; a larger state is written
 * part by part, one transaction each, and the version's entry last, so no single update exceeds the relay's
 * message limit, and a peer that sees the entry has its parts too (a client's updates apply in order).
 */
export const takeVersion = (
  history: Y.Doc,
  course: Y.Doc,
  input: NewVersion,
  now: number = Date.now(),
): VersionSummary => {
  const isPublish = input.reason === 'export' || input.reason === 'publish'
  if (isPublish && input.format === undefined) {
    throw new Error(`takeVersion: a version taken by an ${input.reason} needs the package's format`)
  }
  const entries = readEntries(history)
  const previous = entries[0]
  const previousSnapshot = previous === undefined ? undefined : decodeSnapshot(previous.stored)
  const courseSnapshot = Y.snapshot(course)
  const state = planState(course, findBase(history, entries, courseSnapshot))
  const id = randomString(22)
  const stored: StoredVersion = {
    format: STORED_VERSION_FORMAT,
    name: input.name?.trim() ?? '',
    reason: input.reason,
    createdAt: now,
    createdBy: { id: input.by.id, name: input.by.name },
    contributors: contributorsSince(history, previousSnapshot, courseSnapshot),
    changedLessons: changedLessonsSince(course, previousSnapshot, courseSnapshot),
    published:
      isPublish && input.format !== undefined
        ? { number: nextPublishNumber(history), format: input.format }
        : null,
    snapshot: packSnapshot(courseSnapshot),
    base: state.base,
    parts: state.parts.length,
    chain: state.chain,
    chainBytes: state.chainBytes,
    rootBytes: state.rootBytes,
  }
  const writeParts = (): void =>
    state.parts.forEach((part, index) => {
      const writePart = (): void => {
        partsMap(history).set(partKey(id, index), part)
      }
      if (state.parts.length === 1) writePart()
      else history.transact(writePart, HISTORY_ORIGIN)
    })
  const writeEntry = (): void => {
    versionsMap(history).set(id, stored)
  }
  if (state.parts.length === 1) {
    history.transact(() => (writeParts(), writeEntry()), HISTORY_ORIGIN)
  } else {
    writeParts()
    history.transact(writeEntry, HISTORY_ORIGIN)
  }
  return summaryOf(id, stored)
}

/**
 * Whether an edit should take an hourly version: the course changed since the newest version and that version is
 * at least an hour old — or there is none yet and the course has lessons. Cheap while the last version is recent,
 * as it is called on edits.
 */
export const hourlyVersionDue = (history: Y.Doc, course: Y.Doc, now: number): boolean => {
  const newest = readEntries(history)[0]
  if (newest === undefined) return lessonsMap(course).size > 0
  if (now - newest.stored.createdAt < HOURLY_VERSION_MS) return false
  const snapshot = decodeSnapshot(newest.stored)
  return snapshot === undefined || stateAdvanced(course, snapshot)
}
