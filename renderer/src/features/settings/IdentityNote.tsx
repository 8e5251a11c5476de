import type { ChorusDb } from '../../storage/db'
import { useSyncUser } from '../../sync/sync-user'

/** Says who co-authors see (a made-up name on first run; the invite's name in a shared course) and where to change it. */
export function IdentityNote({ db }: { readonly db: ChorusDb }) {
  const user = useSyncUser(db)
  if (user === null) return null
  return (
    <p className="identity-note quiet">
      <span className="identity-swatch" style={{ background: user.colour }} aria-hidden="true" />
      Co-authors see you as <strong>{user.name}</strong>, and in a shared course by the name on your invite.
      Change your name and colour in Settings.
    </p>
  )
}
