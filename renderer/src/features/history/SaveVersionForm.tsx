import { useState, type FormEvent } from 'react'
import { takeVersion } from '../../../../shared/history/history-doc'
import type { HistorySession } from '../../history/history-session'
import { TextField } from '../../ui/TextField'

interface SaveVersionFormProps {
  readonly session: HistorySession
}

/** "Save version": records the course as it is now under a name the user chooses ("Sent to Legal"). */
export function SaveVersionForm({ session }: SaveVersionFormProps) {
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed === '') {
      setProblem('Give the version a name, such as “Sent to Legal”.')
      return
    }
    takeVersion(session.history, session.course, { name: trimmed, reason: 'named', by: session.me })
    setName('')
    setProblem(null)
    setSaved(trimmed)
  }

  return (
    <form className="save-version" onSubmit={submit}>
      <div className="save-version-field">
        <TextField
          label="Version name"
          value={name}
          onChange={(value) => {
            setName(value)
            setProblem(null)
          }}
          problem={problem}
          placeholder="Sent to Legal"
          autoFocus
        />
      </div>
      <button type="submit" className="button button-primary">
        Save version
      </button>
      <p role="status" className="quiet save-version-status">
        {saved === null ? '' : `Saved “${saved}”.`}
      </p>
    </form>
  )
}
