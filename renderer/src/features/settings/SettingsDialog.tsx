import { useId, useState, type FormEvent } from 'react'
import type { ChorusDb } from '../../storage/db'
import { toStorageError } from '../../storage/storage-error'
import { PRESENCE_COLOURS, nameProblem, saveSyncUser, type LocalProfile } from '../../sync/sync-user'
import { Dialog } from '../../ui/Dialog'
import { DialogActions } from '../../ui/DialogActions'
import { FieldProblem } from '../../ui/FieldProblem'

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
  const nameId = useId()
  const colourId = useId()
  const problemId = useId()

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
        <label htmlFor={nameId} className="field-label">
          Display name
        </label>
        <input
          id={nameId}
          className="text-input"
          value={name}
          onChange={(event) => (setName(event.target.value), setProblem(null))}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? problemId : undefined}
          autoComplete="name"
          data-autofocus
        />
        <FieldProblem id={problemId} problem={problem} />
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
