import { useId, useState, type FormEvent } from 'react'
import type { NeedId, NeedSnapshot } from '../../../../shared/team/types'
import { Dialog } from '../../ui/Dialog'
import { DialogActions } from '../../ui/DialogActions'
import { statusLabel } from './need-labels'

interface MergeDialogProps {
  readonly need: NeedSnapshot
  /** The needs it may be merged into: not itself, not merged away themselves. */
  readonly candidates: readonly NeedSnapshot[]
  readonly onMerge: (into: NeedId) => void
  readonly onCancel: () => void
}

/** A lead marks a need as a duplicate of another: its votes and discussion then show on that one. */
export function MergeDialog({ need, candidates, onMerge, onCancel }: MergeDialogProps) {
  const selectId = useId()
  const [into, setInto] = useState<NeedId | null>(candidates[0]?.id ?? null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (into !== null) onMerge(into)
  }
  return (
    <Dialog
      role="dialog"
      title={`Merge “${need.title}” into…`}
      description="Choose the need this one duplicates. Its votes and discussion are shown there, and the board lists only that one."
      onCancel={onCancel}
    >
      <form className="dialog-form" onSubmit={submit}>
        <label className="field-label" htmlFor={selectId}>
          Merge into
        </label>
        <select
          id={selectId}
          className="text-input"
          value={into ?? ''}
          onChange={(event) => setInto(candidates.find((c) => c.id === event.target.value)?.id ?? null)}
          data-autofocus
        >
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title} ({statusLabel(candidate.status)})
            </option>
          ))}
        </select>
        <DialogActions submitLabel="Merge" onCancel={onCancel} />
      </form>
    </Dialog>
  )
}
