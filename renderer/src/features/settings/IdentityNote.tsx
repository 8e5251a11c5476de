import type { ChorusDb } from '../../storage/db'
import { UNNAMED, useProfile } from '../../sync/sync-user'

/** Says who co-authors see (no name until one is given; the invite's name in a shared course) and where to change it. */
export function IdentityNote({ db }: { readonly db: ChorusDb }) {
  const profile = useProfile(db)
  if (profile === null) return null
  return (
    <p className="identity-note quiet">
      <span className="identity-swatch" style={{ background: profile.colour }} aria-hidden="true" />
      Co-authors see you as <strong>{profile.name ?? UNNAMED}</strong>, and in a shared course by the name on
      your invite. {profile.name === null ? 'Give your name' : 'Change your name and colour'} in Settings.
    </p>
  )
}
