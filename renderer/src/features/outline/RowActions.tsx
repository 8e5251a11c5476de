import type { OutlineController } from './use-outline-controller'
import type { OutlineItem } from './outline-item'

interface RowActionsProps {
  readonly item: OutlineItem
  /** The row's display title, for the buttons' accessible names. */
  readonly title: string
  readonly outline: OutlineController
}

/** Rename, move and delete for one outline row; the buttons make every keyboard shortcut reachable by pointer too. */
export function RowActions({ item, title, outline }: RowActionsProps) {
  const noun = item.kind === 'lesson' ? 'lesson' : 'section'
  const disabled = outline.readOnly
  return (
    <span className="row-actions">
      <button
        type="button"
        className="icon-button"
        aria-label={`Rename ${noun} “${title}”`}
        title="Rename (F2)"
        disabled={disabled}
        onClick={() => outline.startRename(item)}
      >
        <span aria-hidden="true">✎</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${noun} “${title}” up`}
        title="Move up (Alt+↑)"
        disabled={!outline.canMove(item, 'up')}
        onClick={() => outline.move(item, 'up')}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${noun} “${title}” down`}
        title="Move down (Alt+↓)"
        disabled={!outline.canMove(item, 'down')}
        onClick={() => outline.move(item, 'down')}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="icon-button icon-button-danger"
        aria-label={`Delete ${noun} “${title}”`}
        title="Delete"
        disabled={disabled}
        onClick={() => outline.requestDelete(item)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </span>
  )
}
