import { routeHash } from '../../navigation/route'
import type { ChorusDb } from '../../storage/db'
import { useForMeUnread } from '../inbox/use-for-me-unread'

interface ForMeButtonProps {
  readonly db: ChorusDb
}

/** The way to For me, with how many of its items are unread. */
export function ForMeButton({ db }: ForMeButtonProps) {
  const unread = useForMeUnread(db)
  return (
    <a className="button" href={routeHash({ kind: 'for-me' })}>
      For me{unread > 0 && ` · ${unread} unread`}
    </a>
  )
}
