import { useMemo, type ReactNode } from 'react'
import type { CourseId } from '../../../shared/course/types'
import type { ChorusError } from '../../../shared/errors'
import { canWrite } from '../../../shared/protocol/rooms'
import type { ChorusDb } from '../storage/db'
import { useOpenStore } from '../storage/use-open-store'
import { usePresenceProvider } from '../sync/presence'
import { reviewMembers } from './members'
import { ReviewProblemContext, useReviewStoreProblem } from './review-problem'
import { openReviewStore } from './review-store'
import { ReviewSessionContext, ThreadsContext, useDocThreads, type ReviewSession } from './review-session'
import type { IdentityState } from './use-course-identity'
import { useOnlineMembers } from './use-online-members'
import { useRoomSync } from '../sync/use-room-sync'

interface ReviewSessionProviderProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly identity: IdentityState
  readonly onCloseFailed: (error: ChorusError) => void
  readonly children: ReactNode
}

/**
 * Opens the course's comments from this device, then syncs them through the relay's review room, and gives the
 * review UI its session. Mount it inside the course's PresenceContext: people online become mentionable.
 */
export function ReviewSessionProvider({
  db,
  courseId,
  identity,
  onCloseFailed,
  children,
}: ReviewSessionProviderProps) {
  const store = useOpenStore(openReviewStore, db, courseId, onCloseFailed)
  const doc = store.status === 'open' ? store.store.doc : null
  const sync = useRoomSync(db, courseId, 'review', doc)
  const problem = useReviewStoreProblem(store)
  const threads = useDocThreads(doc ?? undefined)
  const known = identity.status === 'known' ? identity.identity : null
  const online = useOnlineMembers(usePresenceProvider(), known?.me ?? null)

  const session = useMemo((): ReviewSession | null => {
    if (doc === null || known === null) return null
    return {
      doc,
      me: known.me,
      role: known.role,
      canComment: canWrite(known.role, 'review'),
      members: reviewMembers(known.me, online, threads),
      sync,
    }
  }, [doc, known, online, threads, sync])

  return (
    <ReviewSessionContext value={session}>
      <ThreadsContext value={threads}>
        <ReviewProblemContext value={problem}>{children}</ReviewProblemContext>
      </ThreadsContext>
    </ReviewSessionContext>
  )
}
