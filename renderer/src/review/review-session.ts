/**
 * What the review UI needs about the open course's comments: the review document, who this user is there and
 * what their role lets them do. React reads it through these hooks and changes threads only through the
 * commands in shared/review/commands.ts.
 */
import { createContext, useContext, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { Role } from '../../../shared/protocol/token'
import { observeThreads, readThreads } from '../../../shared/review/read'
import type { Person, ThreadSnapshot } from '../../../shared/review/types'
import type { ConnectionStatus } from '../sync/course-sync'

export interface ReviewSession {
  /** The course's review document, loaded from this device and synced in the `<courseId>/review` room. */
  readonly doc: Y.Doc
  /** This user, as comments record them. */
  readonly me: Person
  readonly role: Role
  /** Authors and reviewers may comment; viewers only read. */
  readonly canComment: boolean
  /** This user, everyone who has commented and everyone online in the course, each once (by id). */
  readonly members: readonly Person[]
  /** How the comments stand with the relay, with the count of this user's comment changes it lacks; null if not shared. */
  readonly sync: ConnectionStatus | null
}

/** Null while the review document is loading (or could not be opened): the UI then offers no commenting. */
export const ReviewSessionContext = createContext<ReviewSession | null>(null)

export const useReviewSession = (): ReviewSession | null => useContext(ReviewSessionContext)

/**
 * The open course's threads, read once for the whole course by the session's provider, so every outline row
 * and badge shares one subscription. Null outside a provider.
 */
export const ThreadsContext = createContext<readonly ThreadSnapshot[] | null>(null)

const NO_THREADS: readonly ThreadSnapshot[] = []

/** The threads of a review document, kept current as anyone comments; empty without a document. */
export function useDocThreads(doc: Y.Doc | undefined): readonly ThreadSnapshot[] {
  const [threads, setThreads] = useState<readonly ThreadSnapshot[]>(NO_THREADS)
  useEffect(() => {
    if (doc === undefined) {
      setThreads(NO_THREADS)
      return
    }
    setThreads(readThreads(doc))
    return observeThreads(doc, setThreads)
  }, [doc])
  return threads
}

/** Every thread of the open course, oldest first, kept current as anyone comments; empty while loading. */
export function useThreads(): readonly ThreadSnapshot[] {
  const shared = useContext(ThreadsContext)
  const session = useReviewSession()
  // Only subscribes itself when no provider already does (a component rendered on its own).
  const own = useDocThreads(shared === null ? session?.doc : undefined)
  return shared ?? own
}
