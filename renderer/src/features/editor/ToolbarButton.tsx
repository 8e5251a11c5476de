import type { ReactNode } from 'react'

interface ToolbarButtonProps {
  readonly label: string
  /** Shown on hover, e.g. "Bold (Ctrl+B)". */
  readonly hint: string
  /** Toggle buttons say whether they are on; action buttons (undo) leave this out. */
  readonly pressed?: boolean
  readonly disabled: boolean
  readonly tabIndex: number
  /** Starts a new group: a little space before it. */
  readonly separated: boolean
  readonly onFocus: () => void
  readonly onPress: () => void
  readonly children: ReactNode
}

export function ToolbarButton({
  label,
  hint,
  pressed,
  disabled,
  tabIndex,
  separated,
  onFocus,
  onPress,
  children,
}: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className={separated ? 'toolbar-button toolbar-button-separated' : 'toolbar-button'}
      aria-label={label}
      aria-pressed={pressed}
      title={hint}
      disabled={disabled}
      tabIndex={tabIndex}
      // Keep the editor's selection: a toolbar click must not take focus from the text it formats.
      onMouseDown={(event) => event.preventDefault()}
      onFocus={onFocus}
      onClick={onPress}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  )
}
