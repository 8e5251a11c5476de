import { PANEL_FILTERS, type PanelFilter, type PanelScope } from './panel-threads'

interface PanelControlsProps {
  readonly scope: PanelScope
  readonly filter: PanelFilter
  readonly onScope: (scope: PanelScope) => void
  readonly onFilter: (filter: PanelFilter) => void
}

const SCOPES: readonly { readonly value: PanelScope; readonly label: string }[] = [
  { value: 'lesson', label: 'This lesson' },
  { value: 'course', label: 'Whole course' },
]

/** Which threads the panel lists: two radio groups, so each choice is one named control. */
export function PanelControls({ scope, filter, onScope, onFilter }: PanelControlsProps) {
  return (
    <div className="comments-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">Comments of</legend>
        {SCOPES.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name="comments-scope"
              value={option.value}
              checked={scope === option.value}
              onChange={() => onScope(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend className="visually-hidden">Show</legend>
        {PANEL_FILTERS.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name="comments-filter"
              value={option.value}
              checked={filter === option.value}
              onChange={() => onFilter(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </div>
  )
}
