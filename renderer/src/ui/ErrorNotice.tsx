import type { ChorusError } from '../../../shared/errors'

interface ErrorNoticeProps {
  readonly error: ChorusError
  readonly onDismiss?: () => void
}

/** A storage or file error, said plainly. Never swallowed: whoever catches one shows it here. */
export function ErrorNotice({ error, onDismiss }: ErrorNoticeProps) {
  return (
    <div className="error-notice" role="alert" data-code={error.code}>
      <p>{error.message}</p>
      {onDismiss && (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  )
}
