import { useEffect } from 'react'
import { canRead } from '../../../../shared/protocol/rooms'
import { readCourseIdentity } from '../../review/identity'
import { openReviewStore } from '../../review/review-store'
import type { ChorusDb, RelayLinkRow } from '../../storage/db'
import { connectCourse, type ConnectionSource, type ConnectionStatus } from '../../sync/course-sync'
import { onRelayLinkSaved } from '../../sync/relay-links'

/** How long one course's comments may take to sync before the refresh moves on: a relay that does not answer. */
const SYNC_WAIT_MS = 8_000
/** How often the comments are brought up to date while For me (or the library, which counts its items) is shown. */
const REFRESH_EVERY_MS = 2 * 60_000

/** `failed`: the relay refused the invite, or the connection failed at once (offline, say); `no-answer`: it hung. */
type Outcome = 'synced' | 'failed' | 'no-answer'

/**
 * Resolves once the connection is in sync, has failed or was given up on, or the refresh is stopped; the connection
 * is left to the caller, and is not retried.
 */
const settled = (source: ConnectionSource, signal: AbortSignal): Promise<Outcome> =>
  new Promise<Outcome>((resolve) => {
    let unsubscribe = (): void => {}
    const timer = setTimeout(() => finish('no-answer'), SYNC_WAIT_MS)
    const stop = (): void => finish('failed')
    signal.addEventListener('abort', stop)
    const finish = (outcome: Outcome): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', stop)
      unsubscribe()
      resolve(outcome)
    }
    const check = (status: ConnectionStatus): void => {
      if (status.kind === 'synced') finish('synced')
      else if (status.kind === 'refused' || status.kind === 'offline') finish('failed')
    }
    unsubscribe = source.subscribe(check)
    check(source.getStatus())
  })

/** Syncs one course's comments into this device's copy, then leaves its review room. */
const refreshCourse = async (db: ChorusDb, link: RelayLinkRow, signal: AbortSignal): Promise<Outcome> => {
  const store = await openReviewStore(db, link.courseId)
  try {
    const sync = connectCourse({
      doc: store.doc,
      relayUrl: link.relayUrl,
      courseId: link.courseId,
      kind: 'review',
      token: link.token,
    })
    try {
      return await settled(sync, signal)
    } finally {
      sync.destroy()
    }
  } finally {
    await store.close()
  }
}

/**
 * Brings the stored comments of every course shared through a relay up to date, one course at a time: For me reads
 * them from this device, and a course's comments otherwise sync only while the course is open. Each review room is
 * joined until it is in sync, then left, so the relay holds no connection per course. A relay that does not answer
 * (the connection hangs) is skipped for the rest of the round; one that refuses a course's invite is not, since
 * another invite may be good. A course whose invite may not read comments (a pilot learner's) is skipped.
 */
export async function refreshSharedComments(db: ChorusDb, signal: AbortSignal): Promise<void> {
  const links = await db.relayLinks.toArray()
  const unreachable = new Set<string>()
  for (const link of links) {
    if (signal.aborted) return
    if (unreachable.has(link.relayUrl)) continue
    const identity = await readCourseIdentity(db, link.courseId)
    if (!canRead(identity.role, 'review')) continue
    if ((await refreshCourse(db, link, signal)) === 'no-answer') unreachable.add(link.relayUrl)
  }
}

/**
 * While mounted: the shared courses' comments are refreshed at once, every few minutes, and whenever a relay link is
 * saved (a course just shared or joined). Problems are only logged: For me then shows what this device has.
 */
export function useSharedCommentsRefresh(db: ChorusDb): void {
  useEffect(() => {
    // Leaving (opening a course, say) also ends the course being refreshed, so its room is left at once.
    const stopping = new AbortController()
    let running: Promise<void> | null = null
    let again = false
    const refresh = (): void => {
      if (running !== null) {
        again = true
        return
      }
      running = refreshSharedComments(db, stopping.signal)
        .catch((cause: unknown) => console.warn('[sync] could not refresh shared courses’ comments', cause))
        .finally(() => {
          running = null
          if (again && !stopping.signal.aborted) {
            again = false
            refresh()
          }
        })
    }
    refresh()
    const timer = setInterval(refresh, REFRESH_EVERY_MS)
    const unsubscribe = onRelayLinkSaved(refresh)
    return () => {
      stopping.abort()
      clearInterval(timer)
      unsubscribe()
    }
  }, [db])
}
