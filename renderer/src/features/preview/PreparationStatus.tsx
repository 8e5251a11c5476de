import { ErrorNotice } from '../../ui/ErrorNotice'
import type { Preparation } from './prepare-preview'

/** While the player's package is built: its progress over the media files, or why it could not be built. */
export function PreparationStatus({
  state,
  preparing,
}: {
  readonly state: Preparation
  readonly preparing: string
}) {
  if (state.kind === 'failed')
    return (
      <div className="preview-message">
        <ErrorNotice error={state.error} />
      </div>
    )
  return (
    <div className="preview-message" role="status">
      <p>{preparing}</p>
      {state.total > 0 && (
        <progress
          aria-label="Preparing media"
          max={state.total}
          value={state.done}
          aria-valuetext={`${state.done} of ${state.total} media files`}
        />
      )}
    </div>
  )
}
