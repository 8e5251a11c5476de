/**
 * Low-level access to a team document's one map of entries, shared by the commands (team-doc.ts re-exports the
 * public part) and the readers. Nothing outside shared/team/ touches the map.
 */
import type * as Y from 'yjs'
import {
  MAX_EPOCH,
  entryKey,
  parseTeamKey,
  parseTeamValue,
  type TeamKey,
  type TeamKeyKind,
  type TeamKeyOf,
  type TeamValues,
} from './entries'
import { decideStatus, type StatusDecision, type StatusEntry } from './status'
import type { NeedId } from './types'

export const TEAM_ROOT = 'entries'

/**
 * The origin of every team command's transaction, so an undo manager or a sync layer can tell the local person's
 * changes apart. `Symbol.for` keeps it identical even if a bundle holds two copies of this module.
 */
export const TEAM_ORIGIN: unique symbol = Symbol.for('chorus.origin.team')

export const teamEntries = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(TEAM_ROOT)

/** The well-formed value under `key`; null when there is none (or a peer wrote something no reader accepts). */
export const getEntry = <K extends TeamKey>(doc: Y.Doc, key: K): TeamValues[K['kind']] | null => {
  const value = teamEntries(doc).get(entryKey(key))
  return value === undefined ? null : parseTeamValue(key, value)
}

export const hasEntry = (doc: Y.Doc, key: TeamKey): boolean => teamEntries(doc).has(entryKey(key))

export const setEntry = <K extends TeamKey>(doc: Y.Doc, key: K, value: TeamValues[K['kind']]): void => {
  teamEntries(doc).set(entryKey(key), value)
}

export const deleteEntry = (doc: Y.Doc, key: TeamKey): void => {
  teamEntries(doc).delete(entryKey(key))
}

/**
 * Every well-formed entry of one kind whose key starts with `parts` (e.g. `["vote", needId]`), parsed. Keys are
 * JSON arrays, so a prefix of the array is a prefix of the key's text up to its last `]`.
 */
export const entriesUnder = <K extends TeamKeyKind>(
  doc: Y.Doc,
  kind: K,
  ...parts: readonly (string | number)[]
): { key: TeamKeyOf<K>; value: TeamValues[K] }[] => {
  const prefix = JSON.stringify([kind, ...parts]).slice(0, -1)
  const found: { key: TeamKeyOf<K>; value: TeamValues[K] }[] = []
  for (const [raw, value] of teamEntries(doc).entries()) {
    if (!raw.startsWith(prefix)) continue
    const key = parseTeamKey(raw)
    if (key === null || key.kind !== kind) continue
    const parsed = parseTeamValue(key, value)
    if (parsed !== null) found.push({ key: key as TeamKeyOf<K>, value: parsed as TeamValues[K] })
  }
  return found
}

/** The status entries of one need, as status.ts decides on them. */
export const statusEntriesOf = (doc: Y.Doc, needId: NeedId): StatusEntry[] =>
  entriesUnder(doc, 'status', needId).map(({ key, value }) => ({
    epoch: key.epoch,
    status: key.status,
    by: value.by,
    at: value.at,
  }))

export const needStatusDecision = (doc: Y.Doc, needId: NeedId): StatusDecision =>
  decideStatus(statusEntriesOf(doc, needId))

/** Whether a status may be written at `epoch` (the relay refuses epochs past `MAX_EPOCH`). */
export const isWritableEpoch = (epoch: number): boolean => epoch <= MAX_EPOCH

/** One transaction per command, with the team origin. */
export const runTeamCommand = <T>(doc: Y.Doc, change: () => T): T => doc.transact(change, TEAM_ORIGIN)
