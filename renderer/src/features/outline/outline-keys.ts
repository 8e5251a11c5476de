import type { KeyboardEvent } from 'react'
import type { OutlineItem } from './outline-item'
import type { OutlineActions } from './use-outline-controller'

/** The row shortcuts, also listed in each row's aria-keyshortcuts: Alt+↑/↓ move, F2 renames. */
export const ROW_SHORTCUTS = 'Alt+ArrowUp Alt+ArrowDown F2'

export const handleRowKeys = (
  event: KeyboardEvent<HTMLElement>,
  item: OutlineItem,
  outline: Pick<OutlineActions, 'move' | 'startRename'>,
): void => {
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    event.preventDefault()
    outline.move(item, event.key === 'ArrowUp' ? 'up' : 'down')
  } else if (event.key === 'F2') {
    event.preventDefault()
    outline.startRename(item)
  }
}
