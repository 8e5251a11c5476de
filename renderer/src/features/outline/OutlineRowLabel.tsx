import { useRef, type ButtonHTMLAttributes, type ReactNode } from 'react'
import { InlineRename } from '../../ui/InlineRename'
import { handleRowKeys, ROW_SHORTCUTS } from './outline-keys'
import { isItem, type OutlineItem } from './outline-item'
import { useFocusRequest } from './use-focus-request'
import type { OutlineController } from './use-outline-controller'

interface OutlineRowLabelProps {
  readonly item: OutlineItem
  /** The stored title, which the rename field starts from (the shown one may be "Untitled …"). */
  readonly storedTitle: string
  readonly outline: OutlineController
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
  outline,
  className,
  onClick,
  state,
  children,
}: OutlineRowLabelProps) {
  const buttonRef = useRef<HTMLButtonElement>(null)
  useFocusRequest(buttonRef, isItem(outline.focusRequest, item.kind, item.id), outline.focusDone)
  if (isItem(outline.editing, item.kind, item.id))
    return (
      <InlineRename
        label={item.kind === 'section' ? 'Rename section' : 'Rename lesson'}
        initialValue={storedTitle}
        onDone={(next, byKey) => outline.finishRename(item, next, byKey)}
      />
    )
  return (
    <button
      ref={buttonRef}
      type="button"
      className={className}
      {...state}
      aria-keyshortcuts={outline.readOnly ? undefined : ROW_SHORTCUTS}
      onClick={onClick}
      onDoubleClick={() => outline.startRename(item)}
      onKeyDown={(event) => handleRowKeys(event, item, outline)}
    >
      {children}
    </button>
  )
}
