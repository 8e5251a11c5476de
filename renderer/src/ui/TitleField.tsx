import { useRef, useState, type KeyboardEvent } from 'react'

interface TitleFieldProps {
  readonly label: string
  readonly value: string
  readonly disabled?: boolean
  readonly className?: string
  readonly onCommit: (title: string) => void
}

/**
 * An always-visible title input that writes once per edit, not per keystroke: Enter or leaving the field commits,
 * Escape restores the stored title. While the field is not being edited it shows the stored title, so renames by
 * others appear at once. An empty title is not accepted.
 */
export function TitleField({ label, value, disabled, className, onCommit }: TitleFieldProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const cancelled = useRef(false)

  const commit = () => {
    const next = draft?.trim() ?? ''
    if (!cancelled.current && next !== '' && next !== value) onCommit(next)
    cancelled.current = false
    setDraft(null)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.currentTarget.blur()
    if (event.key === 'Escape') {
      cancelled.current = true
      event.currentTarget.blur()
    }
  }

  return (
    <input
      className={`title-field ${className ?? ''}`}
      aria-label={label}
      value={draft ?? value}
      disabled={disabled}
      spellCheck
      onFocus={() => setDraft(value)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  )
}
