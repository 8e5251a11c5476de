interface DialogActionsProps {
  /** The form's submit button: what accepting the dialog does. */
  readonly submitLabel: string
  readonly onCancel: () => void
}

/** A form dialog's footer: Cancel, then the primary action that submits the form. */
export function DialogActions({ submitLabel, onCancel }: DialogActionsProps) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary">
        {submitLabel}
      </button>
    </div>
  )
}
