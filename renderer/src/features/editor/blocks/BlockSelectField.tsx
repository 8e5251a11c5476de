import { useId } from 'react'

interface BlockSelectFieldProps<T extends string> {
  /** Shown beside the select and its accessible name. */
  readonly label: string
  readonly value: T
  readonly options: Readonly<Record<T, string>>
  readonly onChange: (value: T) => void
}

/** A labelled select in a block's bar (a question's type, a callout's tone), styled like the app's other fields. */
export function BlockSelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: BlockSelectFieldProps<T>) {
  const id = useId()
  const values = Object.keys(options) as T[]
  return (
    <div className="block-labelled block-labelled-inline">
      <label className="block-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="block-select"
        value={value}
        onChange={(event) => {
          const next = values.find((option) => option === event.currentTarget.value)
          if (next !== undefined) onChange(next)
        }}
      >
        {values.map((option) => (
          <option key={option} value={option}>
            {options[option]}
          </option>
        ))}
      </select>
    </div>
  )
}
