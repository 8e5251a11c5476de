import { SegmentedChoice, type SegmentedOption } from '../../ui/SegmentedChoice'
import { PANEL_FILTERS, type PanelFilter, type PanelScope } from './panel-threads'

interface PanelControlsProps {
  readonly scope: PanelScope
  readonly filter: PanelFilter
  readonly onScope: (scope: PanelScope) => void
  readonly onFilter: (filter: PanelFilter) => void
}

const SCOPES: readonly SegmentedOption<PanelScope>[] = [
  { value: 'lesson', label: 'This lesson' },
  { value: 'course', label: 'Whole course' },
]

/** Which threads the panel lists: where they are, and which of them. */
export function PanelControls({ scope, filter, onScope, onFilter }: PanelControlsProps) {
  return (
    <div className="comments-controls">
      <SegmentedChoice
        legend="Comments of"
        name="comments-scope"
        options={SCOPES}
        value={scope}
        onChange={onScope}
      />
      <SegmentedChoice
        legend="Show"
        name="comments-filter"
        options={PANEL_FILTERS}
        value={filter}
        onChange={onFilter}
      />
    </div>
  )
}
