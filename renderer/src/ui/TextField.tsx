import { useId, type HTMLInputTypeAttribute } from 'react'
import { FieldProblem } from './FieldProblem'

interface TextFieldProps {
  /** Shown above the field and its accessible name. */
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  /** What is wrong with the value, shown under the field and announced; null while all is well. */
  readonly problem: string | null
  readonly type?: HTMLInputTypeAttribute
  readonly placeholder?: string
  readonly autoComplete?: string
  /** Takes the focus when its dialog opens. */
  readonly autoFocus?: boolean
}

/** A text input with its visible label and, when its value is wrong, what is wrong — the form fields' one shape. */
export function TextField({
  label,
  value,
  onChange,
  problem,
  type,
  placeholder,
  autoComplete,
  autoFocus,
}: TextFieldProps) {
  const inputId = useId()
  const problemId = useId()
  return (
    <>
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <input
        id={inputId}
        className="text-input"
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? problemId : undefined}
        data-autofocus={autoFocus === true ? true : undefined}
      />
      <FieldProblem id={problemId} problem={problem} />
    </>
  )
}
