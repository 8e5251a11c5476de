import { useState, type FormEvent } from 'react'
import { Dialog } from './Dialog'
import { DialogActions } from './DialogActions'
import { TextField } from './TextField'

interface PromptDialogProps {
  readonly title: string
  readonly label: string
  readonly initialValue?: string
  readonly submitLabel: string
  readonly inputType?: 'text' | 'url'
  readonly placeholder?: string
  /** Returns an error message to show instead of closing, or null when the value is accepted. */
  readonly validate?: (value: string) => string | null
  /** What went wrong the last time the caller tried to use the value (e.g. a storage error); shown like a problem. */
  readonly failure?: string | null
  readonly onSubmit: (value: string) => void
  readonly onCancel: () => void
  readonly onClosed?: () => void
}

/** Asks for one value. Used instead of window.prompt, which Electron does not implement. */
export function PromptDialog({
  title,
  label,
  initialValue = '',
  submitLabel,
  inputType = 'text',
  placeholder,
  validate,
  failure = null,
  onSubmit,
  onCancel,
  onClosed,
}: PromptDialogProps) {
  const [value, setValue] = useState(initialValue)
  const [invalid, setInvalid] = useState<string | null>(null)
  const problem = invalid ?? failure

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validate?.(value) ?? null
    if (found !== null) {
      setInvalid(found)
      return
    }
    onSubmit(value)
  }

  return (
    <Dialog role="dialog" title={title} onCancel={onCancel} onClosed={onClosed}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <TextField
          label={label}
          type={inputType}
          value={value}
          placeholder={placeholder}
          onChange={(next) => (setValue(next), setInvalid(null))}
          problem={problem}
          autoFocus
        />
        <DialogActions submitLabel={submitLabel} onCancel={onCancel} />
      </form>
    </Dialog>
  )
}
