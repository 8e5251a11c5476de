import type { TransferFailure } from './media-transfer'

/** Which of media sync's requests failed. */
export type MediaRequest = 'ask' | 'upload' | 'download'

/** What a failed media request means for media sync; pure, so every answer is tested on its own. */
export interface FailureVerdict {
  /** Waiting can change the answer: try again after the back-off. */
  readonly retry: boolean
  /** The relay will not take uploads from this token (403): stop uploading for this session. */
  readonly stopUploads: boolean
  /** The relay refused this blob for what it is (bad bytes, too large): never upload it again. */
  readonly refuseBlob: boolean
  /** Worth a log line; a download the relay does not have yet (404) is the ordinary case. */
  readonly log: 'unreachable' | 'refused' | null
}

const verdict = (
  retry: boolean,
  log: FailureVerdict['log'],
  more: Partial<FailureVerdict> = {},
): FailureVerdict => ({
  retry,
  stopUploads: false,
  refuseBlob: false,
  log,
  ...more,
})

/**
 * Reads a failed request. An unreachable relay, a 5xx, a 429 and a download its author has not uploaded yet
 * (404) are retried; 401 is not (the connection is refused too, and media sync starts again if it returns), nor
 * is any other 4xx: asking again gets the same answer.
 */
export function classifyFailure(request: MediaRequest, failure: TransferFailure): FailureVerdict {
  if (failure.kind === 'unreachable') return verdict(true, 'unreachable')
  const { status } = failure
  if (request === 'download' && status === 404) return verdict(true, null)
  if (status === 401) return verdict(false, 'refused')
  if (request === 'upload' && status === 403) return verdict(false, 'refused', { stopUploads: true })
  if (request === 'upload' && (status === 413 || status === 415 || status === 422))
    return verdict(false, 'refused', { refuseBlob: true })
  return verdict(status >= 500 || status === 429, 'refused')
}
