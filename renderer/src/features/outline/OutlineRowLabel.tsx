import { useRef, type ButtonHTMLAttributes, type ReactNode } from 'react'
import { InlineRename } from '../../ui/InlineRename'
import { handleRowKeys, ROW_SHORTCUTS } from './outline-keys'
import type { OutlineItem } from './outline-item'
import { useFocusRequest } from './use-focus-request'
import type { OutlineActions } from './use-outline-controller'

interface OutlineRowLabelProps {
  readonly item: OutlineItem
  /** The stored title, which the rename field starts from (the shown one may be "Untitled …"). */
  readonly storedTitle: string
  /** The title as shown, also offered as a tooltip: a long one is cut short in the narrow outline. */
  readonly tooltip: string
  readonly renaming: boolean
  readonly focusRequested: boolean
  readonly readOnly: boolean
  readonly actions: OutlineActions
  readonly className: string
  readonly onClick: () => void
  /** What only one kind of row says about itself: the open lesson, a section's expanded state. */
  readonly state: Pick<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-current' | 'aria-expanded'>
  readonly children: ReactNode
}

/**
 * The part of an outline row that names it: a button that opens it, renames it on double-click and takes the
 * row's keyboard commands, or the rename field while it is being renamed. The row gets focus back when asked.
 */
export function OutlineRowLabel({
  item,
  storedTitle,
  tooltip,
  renaming,
  focusRequested,
  readOnly,
  actions,
  className,
  onClick,
  state,
  children,
}: OutlineRowLabelProps) {
  const buttonRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(buttonRef, focusRequested, actions.focusDone)
  if (renaming)
    return (
      <InlineRename
        label={item.kind === 'section' ? 'Rename section' : 'Rename lesson'}
        initialValue={storedTitle}
        onDone={(next, byKey) => actions.finishRename(item, next, byKey)}
      />
    )
  return (
    <button
      ref={buttonRef}
      type="button"
      className={className}
      title={tooltip}
      {...state}
      aria-keyshortcuts={readOnly ? undefined : ROW_SHORTCUTS}
      onClick={onClick}
      onDoubleClick={() => actions.startRename(item)}
      onKeyDown={(event) => handleRowKeys(event, item, actions)}
    >
      {children}
    </button>
  )
}
