export interface SegmentedOption<V extends string> {
  readonly value: V
  readonly label: string
}

interface SegmentedChoiceProps<V extends string> {
  /** Names the group for assistive technology; the options speak for themselves on screen. */
  readonly legend: string
  readonly name: string
  readonly options: readonly SegmentedOption<V>[]
  readonly value: V
  readonly onChange: (value: V) => void
}

/** One choice among a few, drawn as a segmented control: radio buttons, so each option is one named control. */
export function SegmentedChoice<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: SegmentedChoiceProps<V>) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="segmented-option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}
