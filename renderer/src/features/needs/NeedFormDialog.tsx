import { useRef, useState, type FormEvent } from 'react'
import { URGENCIES, type NeedFields } from '../../../../shared/team/types'
import { Dialog } from '../../ui/Dialog'
import { DialogActions } from '../../ui/DialogActions'
import { TextField } from '../../ui/TextField'
import { EMPTY_DRAFT, draftOf, readNeedDraft, type NeedDraft, type NeedDraftProblems } from './need-draft'
import { urgencyLabel } from './need-labels'
import { TextAreaField } from './TextAreaField'

interface NeedFormDialogProps {
  /** The need being edited; absent to declare a new one. */
  readonly need?: NeedFields
  /**
   * Runs the command; a RangeError (input the relay would refuse) keeps the dialog open with its message, so
   * nothing typed is lost.
   */
  readonly onSubmit: (fields: NeedFields) => void
  readonly onCancel: () => void
}

/** Declares a need, or edits one: every field with a visible label, each problem said beside its field. */
export function NeedFormDialog({ need, onSubmit, onCancel }: NeedFormDialogProps) {
  const [draft, setDraft] = useState<NeedDraft>(need === undefined ? EMPTY_DRAFT : draftOf(need))
  const [problems, setProblems] = useState<NeedDraftProblems>({})
  const [failure, setFailure] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)

  const field = <K extends keyof NeedDraft>(key: K) => ({
    value: draft[key],
    problem: problems[key] ?? null,
    onChange: (value: NeedDraft[K]) => {
      setDraft((current) => ({ ...current, [key]: value }))
      setProblems((current) => ({ ...current, [key]: undefined }))
    },
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = readNeedDraft(draft)
    if (!result.ok) {
      setProblems(result.problems)
      // Keyboard and screen reader users land on the first field to fix, once React has marked it.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return
    }
    try {
      onSubmit(result.fields)
    } catch (cause) {
      if (!(cause instanceof RangeError)) throw cause
      setFailure(cause.message)
    }
  }

  const urgency = field('urgency')
  return (
    <Dialog role="dialog" title={need === undefined ? 'Declare a need' : 'Edit need'} onCancel={onCancel}>
      <form ref={form} className="dialog-form need-form" onSubmit={submit} noValidate>
        <TextField label="Title" {...field('title')} autoFocus />
        <TextAreaField label="What should people be able to do afterwards?" {...field('outcome')} />
        <TextField
          label="Who needs it (audience)"
          placeholder="e.g. new sales hires"
          {...field('audience')}
        />
        <fieldset className="need-urgency">
          <legend className="field-label">Urgency</legend>
          <div className="segmented">
            {URGENCIES.map((value) => (
              <label key={value} className="segmented-option">
                <input
                  type="radio"
                  name="need-urgency"
                  value={value}
                  checked={urgency.value === value}
                  onChange={() => urgency.onChange(value)}
                />
                {urgencyLabel(value)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField label="Due date (optional)" type="date" {...field('due')} />
        <TextAreaField
          label="Context (optional)"
          hint="Why now, what people do today, anything an expert should know."
          {...field('context')}
        />
        <TextAreaField
          label="Links (optional)"
          hint="One web address per line: documents, tickets, recordings."
          rows={2}
          {...field('links')}
        />
        {failure !== null && (
          <p className="field-problem" role="alert">
            {failure}
          </p>
        )}
        <DialogActions submitLabel={need === undefined ? 'Declare need' : 'Save need'} onCancel={onCancel} />
      </form>
    </Dialog>
  )
}
