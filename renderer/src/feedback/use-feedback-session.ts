import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusError } from '../../../shared/errors'
import type { ChorusDb } from '../storage/db'
import type { RoomDocStore } from '../storage/room-doc-store'
import type { SaveStatus } from '../storage/save-status'
import { useOpenStore, type OpenStoreState } from '../storage/use-open-store'
import type { ConnectionStatus } from '../sync/course-sync'
import { useRoomSync } from '../sync/use-room-sync'
import { openFeedbackStore } from './feedback-store'

export interface FeedbackSession {
  /** The course's feedback document once loaded from this device; null while it opens or if it cannot be. */
  readonly doc: Y.Doc | null
  /** How the feedback stands with the relay; null for a course that is not shared. */
  readonly sync: ConnectionStatus | null
  /** Why feedback cannot be shown or saved right now; null while all is well. */
  readonly problem: ChorusError | null
}

const SAVED: SaveStatus = { kind: 'saved', at: 0 }
const noSubscription = (): (() => void) => () => undefined

function useStoreProblem(state: OpenStoreState<RoomDocStore>): ChorusError | null {
  const save = state.status === 'open' ? state.store.save : null
  const status = useSyncExternalStore(save?.subscribe ?? noSubscription, save?.get ?? (() => SAVED))
  if (state.status === 'failed') return state.error
  return status.kind === 'error' ? status.error : null
}

/**
 * Opens the course's feedback from this device and syncs it through the relay's `<courseId>/feedback` room for as
 * long as the caller is mounted: local first, so a learner reacts offline and an author reads the panel offline.
 */
export function useFeedbackSession(
  db: ChorusDb,
  courseId: CourseId,
  onCloseFailed: (error: ChorusError) => void,
): FeedbackSession {
  const store = useOpenStore(openFeedbackStore, db, courseId, onCloseFailed)
  const doc = store.status === 'open' ? store.store.doc : null
  const sync = useRoomSync(db, courseId, 'feedback', doc)
  const problem = useStoreProblem(store)
  return { doc, sync, problem }
}
