import { useState } from 'react'

interface BlockTextFieldProps {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly multiline?: boolean
  readonly placeholder?: string
  readonly className?: string
}

/**
 * A text field inside a block. It shows what the author types at once and writes each change to the block,
 * so co-authors see it live; a co-author's change shows here whenever this field is not being typed in.
 */
export function BlockTextField({
  label,
  value,
  onChange,
  multiline,
  placeholder,
  className,
}: BlockTextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const shown = draft ?? value
  const props = {
    'aria-label': label,
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
  return multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />
}
