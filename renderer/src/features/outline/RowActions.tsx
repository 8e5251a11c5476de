import type { OutlineItem } from './outline-item'
import type { OutlineActions } from './use-outline-controller'

interface RowActionsProps {
  readonly item: OutlineItem
  /** The row's display title, for the buttons' accessible names. */
  readonly title: string
  readonly readOnly: boolean
  readonly canMoveUp: boolean
  readonly canMoveDown: boolean
  readonly actions: OutlineActions
}

/** Rename, move and delete for one outline row; the buttons make every keyboard shortcut reachable by pointer too. */
export function RowActions({ item, title, readOnly, canMoveUp, canMoveDown, actions }: RowActionsProps) {
  const noun = item.kind === 'lesson' ? 'lesson' : 'section'
  return (
    <span className="row-actions">
      <button
        type="button"
        className="icon-button"
        aria-label={`Rename ${noun} “${title}”`}
        title="Rename (F2)"
        disabled={readOnly}
        onClick={() => actions.startRename(item)}
      >
        <span aria-hidden="true">✎</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${noun} “${title}” up`}
        title="Move up (Alt+↑)"
        disabled={readOnly || !canMoveUp}
        onClick={() => actions.move(item, 'up')}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${noun} “${title}” down`}
        title="Move down (Alt+↓)"
        disabled={readOnly || !canMoveDown}
        onClick={() => actions.move(item, 'down')}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="icon-button icon-button-danger"
        aria-label={`Delete ${noun} “${title}”`}
        title="Delete"
        disabled={readOnly}
        onClick={() => actions.requestDelete(item)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </span>
  )
}
