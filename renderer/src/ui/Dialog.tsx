import { useEffect, useId, useRef, type ReactNode } from 'react'

interface DialogProps {
  /** `alertdialog` for confirmations that interrupt (deleting), `dialog` for forms. */
  readonly role: 'dialog' | 'alertdialog'
  readonly title: string
  readonly description?: string
  /** Escape, or the dialog closing by any other way than a button of ours. */
  readonly onCancel: () => void
  /** Runs once the dialog has closed and the browser has put focus back; lets the caller move it elsewhere. */
  readonly onClosed?: () => void
  readonly children: ReactNode
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the rest inert and returns focus
 * when it closes. Render it only while open. The element marked `data-autofocus` gets focus first.
 */
export function Dialog({ role, title, description, onCancel, onClosed, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const onCancelRef = useRef(onCancel)
  const onClosedRef = useRef(onClosed)
  useEffect(() => {
    onCancelRef.current = onCancel
    onClosedRef.current = onClosed
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const cancel = (event: Event) => {
      event.preventDefault()
      onCancelRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      dialog.removeEventListener('cancel', cancel)
      dialog.close()
      onClosedRef.current?.()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className="dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description && (
        <p id={descriptionId} className="dialog-description">
          {description}
        </p>
      )}
      {children}
    </dialog>
  )
}
