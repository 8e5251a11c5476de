import { useId, useState } from 'react'

interface BlockTextFieldProps {
  /** Shown above (or, `inline`, beside) the field and its accessible name: a filled field keeps its label. */
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly multiline?: boolean
  /** Label beside the field rather than above it, for rows such as a question's choices. */
  readonly inline?: boolean
  /** A hint for an empty field; never the only label. */
  readonly placeholder?: string
  readonly className?: string
}

/**
 * A labelled text field inside a block. It shows what the author types at once and writes each change to the
 * block, so co-authors see it live; a co-author's change shows here whenever this field is not being typed in.
 */
export function BlockTextField({
  label,
  value,
  onChange,
  multiline,
  inline,
  placeholder,
  className,
}: BlockTextFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const shown = draft ?? value
  const props = {
    id,
    className: className ?? 'block-field',
    value: shown,
    placeholder,
    onFocus: () => setDraft(value),
    onBlur: () => setDraft(null),
    onChange: (event: { currentTarget: { value: string } }) => {
      setDraft(event.currentTarget.value)
      onChange(event.currentTarget.value)
    },
  }
  return (
    <div className={inline ? 'block-labelled block-labelled-inline' : 'block-labelled'}>
      <label className="block-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
    </div>
  )
}
