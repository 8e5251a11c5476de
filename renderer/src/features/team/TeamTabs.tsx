import { useRef, type KeyboardEvent } from 'react'
import type { TeamView } from '../../navigation/route'

interface TeamTabsProps {
  readonly current: TeamView
  /** The id of the panel the tabs control. */
  readonly panelId: string
  readonly tabId: (view: TeamView) => string
  readonly onSelect: (view: TeamView) => void
}

const VIEWS: readonly { readonly view: TeamView; readonly label: string }[] = [
  { view: 'needs', label: 'Needs' },
  { view: 'catalog', label: 'Catalog' },
]

/** The team screen's two views as tabs: arrow keys move between them, as on any tab list. */
export function TeamTabs({ current, panelId, tabId, onSelect }: TeamTabsProps) {
  const tabs = useRef(new Map<TeamView, HTMLButtonElement>())
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const at = VIEWS.findIndex(({ view }) => view === current)
    const next = VIEWS[(at + step + VIEWS.length) % VIEWS.length]
    if (next === undefined) return
    onSelect(next.view)
    tabs.current.get(next.view)?.focus()
  }
  return (
    <div className="team-tabs" role="tablist" aria-label="Team views" onKeyDown={onKeyDown}>
      {VIEWS.map(({ view, label }) => (
        <button
          key={view}
          ref={(element) => {
            if (element) tabs.current.set(view, element)
            else tabs.current.delete(view)
          }}
          type="button"
          role="tab"
          id={tabId(view)}
          className="team-tab"
          aria-selected={view === current}
          aria-controls={panelId}
          tabIndex={view === current ? 0 : -1}
          onClick={() => onSelect(view)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
