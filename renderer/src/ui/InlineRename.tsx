import { useEffect, useRef, type KeyboardEvent } from 'react'

interface InlineRenameProps {
  readonly label: string
  readonly initialValue: string
  /**
   * Called once with the trimmed new title, or null when cancelled or left empty/unchanged. `byKey` is true for
   * Enter/Escape, when focus should go back to the row; after a click elsewhere it should stay where it went.
   */
  readonly onDone: (title: string | null, byKey: boolean) => void
}

/** Replaces a label while renaming: Enter or leaving commits, Escape cancels. Starts focused with the text selected. */
export function InlineRename({ label, initialValue, onDone }: InlineRenameProps) {
  const ref = useRef<HTMLInputElement>(null)
  const finished = useRef(false)

  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
  }, [])

  const finish = (commit: boolean, byKey: boolean) => {
    if (finished.current) return
    finished.current = true
    const title = ref.current?.value.trim() ?? ''
    onDone(commit && title !== '' && title !== initialValue ? title : null, byKey)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys typed here must not reach the outline row's own shortcuts (Alt+arrows, F2).
    event.stopPropagation()
    if (event.key === 'Enter') {
      event.preventDefault()
      finish(true, true)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      finish(false, true)
    }
  }

  return (
    <input
      ref={ref}
      className="inline-rename"
      aria-label={label}
      defaultValue={initialValue}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true, false)}
    />
  )
}
