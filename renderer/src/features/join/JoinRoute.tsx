import { useEffect, useState } from 'react'
import type { ChorusError } from '../../../../shared/errors'
import { parseInvite } from '../../../../shared/protocol/invite'
import { routeHash, type Route } from '../../app/route'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { joinCourse } from './join-course'

interface JoinRouteProps {
  readonly db: ChorusDb
  /** The whole invite link as opened (`…#/join?relay=…&course=…&token=…`). */
  readonly link: string
  /** Joining twice is harmless (it only refreshes the token), so going back here may simply join again. */
  readonly navigate: (route: Route) => void
}

/** An opened invite link: joins its course, then opens it. */
export function JoinRoute({ db, link, navigate }: JoinRouteProps) {
  const parsed = parseInvite(link)
  const [failure, setFailure] = useState<ChorusError | null>(parsed.ok ? null : parsed.error)

  useEffect(() => {
    const invite = parseInvite(link)
    if (!invite.ok) return
    let left = false
    joinCourse(db, invite.value).then(
      (courseId) => {
        if (!left) navigate({ kind: 'course', courseId, lessonId: null })
      },
      (cause: unknown) => {
        if (!left) setFailure(toStorageError(cause))
      },
    )
    return () => {
      left = true
    }
  }, [db, link, navigate])

  return (
    <main className="course-message">
      {failure ? <ErrorNotice error={failure} /> : <p className="quiet">Joining the shared course…</p>}
      {failure && (
        <a className="button" href={routeHash({ kind: 'library' })}>
          Back to the library
        </a>
      )}
    </main>
  )
}
