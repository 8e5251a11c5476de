import { liveQuery } from 'dexie'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ChorusError } from '../../../../shared/errors'
import type { ChorusDb, TeamRow } from '../../storage/db'
import { storage, toStorageError } from '../../storage/storage-error'
import { joinedTeamsQuery } from '../../team/joined-teams'
import { createCommentItemsReader, watchedLibrary } from './course-comment-items'
import { forMeEntries, readMarksFor, type CourseItems, type ForMeEntry } from './for-me-entries'
import { useSharedCommentsRefresh } from './shared-comments-refresh'
import { watchTeamInboxes, type TeamInbox } from './team-inbox-feed'

export interface ForMe {
  /** False until the library's comments and the device's read marks were read once. */
  readonly ready: boolean
  /** Newest first. */
  readonly entries: readonly ForMeEntry[]
  /** Marks these entries read where each belongs (its team's space, or this device). */
  markRead(entries: readonly ForMeEntry[]): Promise<void>
  readonly problem: ChorusError | null
}

const NO_TEAMS: readonly TeamRow[] = []
const NO_INBOXES: readonly TeamInbox[] = []

/** The joined teams, live; the same list (by content) keeps its identity, so their spaces are not reopened. */
function useJoinedTeamRows(db: ChorusDb, onProblem: (error: ChorusError) => void): readonly TeamRow[] {
  const [teams, setTeams] = useState<readonly TeamRow[]>(NO_TEAMS)
  useEffect(() => {
    const subscription = liveQuery(() => joinedTeamsQuery(db)).subscribe({
      next: (rows) => setTeams((previous) => (sameTeams(previous, rows) ? previous : rows)),
      error: (cause: unknown) => onProblem(toStorageError(cause)),
    })
    return () => subscription.unsubscribe()
  }, [db, onProblem])
  return teams
}

const sameTeams = (a: readonly TeamRow[], b: readonly TeamRow[]): boolean =>
  a.length === b.length &&
  a.every((team, index) => {
    const other = b[index]
    return other?.id === team.id && other.token === team.token && other.relayUrl === team.relayUrl
  })

/** Every course's comment items, re-read whenever the library, an invite, my name or any comment changes. */
function useCourseItems(
  db: ChorusDb,
  onProblem: (error: ChorusError) => void,
): readonly CourseItems[] | null {
  const [courses, setCourses] = useState<readonly CourseItems[] | null>(null)
  useEffect(() => {
    const read = createCommentItemsReader(db)
    let latest = 0
    const subscription = liveQuery(() => watchedLibrary(db)).subscribe({
      next: (library) => {
        const run = ++latest
        read(library).then(
          (items) => {
            if (run === latest) setCourses(items)
          },
          (cause: unknown) => onProblem(toStorageError(cause)),
        )
      },
      error: (cause: unknown) => onProblem(toStorageError(cause)),
    })
    return () => {
      latest = -1
      subscription.unsubscribe()
    }
  }, [db, onProblem])
  return courses
}

function useDeviceReadKeys(
  db: ChorusDb,
  onProblem: (error: ChorusError) => void,
): ReadonlySet<string> | null {
  const [keys, setKeys] = useState<ReadonlySet<string> | null>(null)
  useEffect(() => {
    const subscription = liveQuery(() => storage(() => db.inboxReads.toCollection().primaryKeys())).subscribe(
      {
        next: (read) => setKeys(new Set(read)),
        error: (cause: unknown) => onProblem(toStorageError(cause)),
      },
    )
    return () => subscription.unsubscribe()
  }, [db, onProblem])
  return keys
}

/**
 * For me, live: the items of every joined team (whose spaces sync while this is mounted) and of every course's
 * stored comments (those of shared courses refreshed from their relays while this is mounted), each unread until
 * opened.
 */
export function useForMe(db: ChorusDb): ForMe {
  const [problem, setProblem] = useState<ChorusError | null>(null)
  const onProblem = useCallback((error: ChorusError) => setProblem(error), [])
  useSharedCommentsRefresh(db)
  const teams = useJoinedTeamRows(db, onProblem)
  const [inboxes, setInboxes] = useState<readonly TeamInbox[]>(NO_INBOXES)
  useEffect(() => {
    setInboxes(NO_INBOXES)
    return watchTeamInboxes(db, teams, setInboxes)
  }, [db, teams])
  const courses = useCourseItems(db, onProblem)
  const deviceReads = useDeviceReadKeys(db, onProblem)

  const entries = useMemo(
    () => (courses === null || deviceReads === null ? [] : forMeEntries(inboxes, courses, deviceReads)),
    [inboxes, courses, deviceReads],
  )
  const markRead = useCallback(
    async (chosen: readonly ForMeEntry[]) => {
      const marks = readMarksFor(chosen)
      for (const [teamId, keys] of marks.byTeam) {
        try {
          inboxes.find((inbox) => inbox.teamId === teamId)?.markRead(keys)
        } catch (thrown) {
          // Only what the relay would refuse gets here (the team invite's name beyond the limits, say).
          if (!(thrown instanceof RangeError)) throw thrown
          setProblem({ code: 'invalid-argument', message: thrown.message })
        }
      }
      if (marks.device.length === 0) return
      const at = Date.now()
      try {
        await storage(() => db.inboxReads.bulkPut(marks.device.map((key) => ({ key, at }))))
      } catch (cause) {
        setProblem(toStorageError(cause))
      }
    },
    [db, inboxes],
  )
  return { ready: courses !== null && deviceReads !== null, entries, markRead, problem }
}
