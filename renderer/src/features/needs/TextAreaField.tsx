import { useId } from 'react'
import { FieldProblem } from '../../ui/FieldProblem'

interface TextAreaFieldProps {
  /** Shown above the field and its accessible name. */
  readonly label: string
  /** A line under the label saying what to write, read out with the field. */
  readonly hint?: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly problem: string | null
  readonly rows?: number
}

/** A multi-line field in the shape of ui/TextField: visible label, optional hint, its problem announced. */
export function TextAreaField({ label, hint, value, onChange, problem, rows = 3 }: TextAreaFieldProps) {
  const fieldId = useId()
  const hintId = useId()
  const problemId = useId()
  const describedBy = [hint !== undefined ? hintId : null, problem !== null ? problemId : null]
    .filter((id) => id !== null)
    .join(' ')
  return (
    <>
      <label htmlFor={fieldId} className="field-label">
        {label}
      </label>
      {hint !== undefined && (
        <p id={hintId} className="field-hint need-field-hint">
          {hint}
        </p>
      )}
      <textarea
        id={fieldId}
        className="text-input"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
      <FieldProblem id={problemId} problem={problem} />
    </>
  )
}
