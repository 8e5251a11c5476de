import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { nameProblem, saveSyncUser, useProfile } from '../../sync/sync-user'
import { TextField } from '../../ui/TextField'
import { firstRunSession } from './first-run-session'
import './first-run.css'

/**
 * First run: asks the user's name, once no name is stored (a user who has one is never asked). It is a non-modal
 * dialog at the top of the library, so opening an invite, a course file or the sample course does not wait for
 * it. It cannot be saved empty; "Not now" puts it away until the next start, and until a name is given co-authors
 * see "Anonymous author" (in a shared course, the invite's name).
 */
export function FirstRunDialog({ db }: { readonly db: ChorusDb }) {
  const profile = useProfile(db)
  const [later, setLater] = useState(firstRunSession.putOff)
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const titleId = useId()
  const descriptionId = useId()

  if (profile === null || profile.name !== null || later) return null

  const putOff = (): void => {
    firstRunSession.putOff = true
    setLater(true)
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const found = nameProblem(name)
    if (found !== null) {
      setProblem(found)
      return
    }
    // Saved, the profile has a name and this dialog goes away; every open course shows the name at once.
    saveSyncUser(db, { name, colour: profile.colour }).catch((cause: unknown) =>
      setProblem(toStorageError(cause).message),
    )
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') putOff()
  }

  return (
    // In the library's column (its class gives the width), above the library itself. Not a <dialog> element: an open
    // one beside a modal (the join confirmation) kept Escape from closing that modal in Chromium.
    <div className="library first-run-frame">
      <div
        role="dialog"
        className="first-run"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          What’s your name?
        </h2>
        <p id={descriptionId} className="dialog-description">
          Co-authors see it next to your cursor, in “People online” and on your comments. In a course shared
          with you, they see the name on your invite.
        </p>
        <form className="first-run-form" onSubmit={submit} noValidate>
          <TextField
            label="Your name"
            value={name}
            onChange={(next) => (setName(next), setProblem(null))}
            problem={problem}
            autoComplete="name"
          />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={putOff}>
              Not now
            </button>
            <button type="submit" className="button button-primary">
              Save name
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
