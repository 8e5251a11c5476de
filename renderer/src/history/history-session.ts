/**
 * What the History panel and the export dialog need about the open course's versions: the history document, the
 * course it records, who this user is and whether their role lets them take and restore versions. React reads it
 * through these hooks; versions are taken and read only through shared/history/.
 */
import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { Person, VersionSummary } from '../../../shared/history/types'
import type { ConnectionStatus } from '../sync/course-sync'

export interface HistorySession {
  /** The course's history document, loaded from this device and synced in the `<courseId>/history` room. */
  readonly history: Y.Doc
  /** The open course's document, which versions record and restores change. */
  readonly course: Y.Doc
  /** This user, as versions record them. */
  readonly me: Person
  /** Authors take, name and restore versions; reviewers and viewers (and a course from a newer Chorus) only look. */
  readonly canWrite: boolean
  /** Every version on this device, newest first, kept current as co-authors' versions arrive. */
  readonly versions: readonly VersionSummary[]
  /** How the versions stand with the relay; null for a course that is not shared. */
  readonly sync: ConnectionStatus | null
}

/** Null while the history document is loading (or could not be opened): nothing offers versions then. */
export const HistorySessionContext = createContext<HistorySession | null>(null)

export const useHistorySession = (): HistorySession | null => useContext(HistorySessionContext)

/** Why versions cannot be shown or saved right now (storage); null while all is well. */
export const HistoryProblemContext = createContext<string | null>(null)

export const useHistoryProblem = (): string | null => useContext(HistoryProblemContext)
