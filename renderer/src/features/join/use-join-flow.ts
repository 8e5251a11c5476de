import { useEffect, useState } from 'react'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'

export interface JoinFlow<Plan> {
  /** What joining would change on this device; null while it is read (or when it cannot be). */
  readonly plan: Plan | null
  /** Why the plan could not be read or the join failed, as the dialog shows it. */
  readonly failure: string | null
  readonly joining: boolean
  /** Joins once the plan is read; a second press while joining does nothing. */
  readonly connect: () => void
}

/**
 * The confirmation dialogs' common part, for a course invite and a team invite alike: read what joining would
 * change, then join on Connect, saying what went wrong either way. `readPlan` resolves null for an invite whose
 * relay address cannot be read.
 */
export function useJoinFlow<Invite, Plan, Joined>(
  db: ChorusDb,
  invite: Invite,
  readPlan: (db: ChorusDb, invite: Invite) => Promise<Plan | null>,
  join: (db: ChorusDb, invite: Invite) => Promise<Joined>,
  onJoined: (joined: Joined) => void,
  canJoin = true,
): JoinFlow<Plan> {
  const [plan, setPlan] = useState<Plan | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [joining, setJoining] = useState(false)

  useEffect(() => {
    let left = false
    readPlan(db, invite).then(
      (read) => {
        if (left) return
        if (read) setPlan(read)
        else setFailure('The relay address in this invite cannot be read. Ask for a new invite.')
      },
      (cause: unknown) => {
        if (!left) setFailure(toStorageError(cause).message)
      },
    )
    return () => {
      left = true
    }
  }, [db, invite, readPlan])

  const connect = (): void => {
    if (plan === null || !canJoin || joining) return
    setJoining(true)
    join(db, invite).then(onJoined, (cause: unknown) => {
      setJoining(false)
      setFailure(toStorageError(cause).message)
    })
  }

  return { plan, failure, joining, connect }
}
