import { useId, useState, type FormEvent } from 'react'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { PRESENCE_COLOURS, nameProblem, saveSyncUser, type LocalProfile } from '../../sync/sync-user'
import { Dialog } from '../../ui/Dialog'
import { DialogActions } from '../../ui/DialogActions'
import { TextField } from '../../ui/TextField'

interface SettingsDialogProps {
  readonly db: ChorusDb
  readonly profile: LocalProfile
  readonly onClose: () => void
}

/** The name and colour co-authors see next to this user's caret and in "People online". */
export function SettingsDialog({ db, profile, onClose }: SettingsDialogProps) {
  const [name, setName] = useState(profile.name ?? '')
  const [colour, setColour] = useState(profile.colour)
  const [problem, setProblem] = useState<string | null>(null)
  const colourId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = nameProblem(name)
    if (found !== null) {
      setProblem(found)
      return
    }
    saveSyncUser(db, { name, colour }).then(onClose, (cause: unknown) =>
      setProblem(toStorageError(cause).message),
    )
  }

  return (
    <Dialog
      role="dialog"
      title="Settings"
      description="Co-authors see this name and colour next to your cursor and in the list of people online."
      onCancel={onClose}
    >
      <form className="dialog-form" onSubmit={submit} noValidate>
        <TextField
          label="Display name"
          value={name}
          onChange={(next) => (setName(next), setProblem(null))}
          problem={problem}
          autoComplete="name"
          autoFocus
        />
        <label htmlFor={colourId} className="field-label">
          Colour
        </label>
        <div className="settings-colour">
          <input
            id={colourId}
            type="color"
            value={colour}
            onChange={(event) => setColour(event.target.value)}
          />
          <div role="group" aria-label="Suggested colours" className="settings-swatches">
            {PRESENCE_COLOURS.map((swatch) => (
              <button
                key={swatch}
                type="button"
                className="settings-swatch"
                style={{ background: swatch }}
                aria-label={`Use colour ${swatch}`}
                aria-pressed={swatch === colour}
                onClick={() => setColour(swatch)}
              />
            ))}
          </div>
        </div>
        <DialogActions submitLabel="Save" onCancel={onClose} />
      </form>
    </Dialog>
  )
}
