/** Options of {@link createRetryRunner}. */
export interface RetryRunnerOptions {
  /** One round of work; resolves true when nothing is left to retry. A rejection counts as "retry". */
  readonly round: () => Promise<boolean>
  /** Whether a round may start now (e.g. the connection is synced); a run asked for otherwise does nothing. */
  readonly canRun: () => boolean
  readonly firstRetryMs: number
  readonly maxRetryMs: number
  /** A number in [0, 1): tests pass their own. */
  readonly random?: () => number
  /** Told when a round threw. */
  readonly onError?: (error: unknown) => void
}

export interface RetryRunner {
  /** Runs a round now, or once more right after the one in progress. */
  run(): void
  /** Forgets the back-off, e.g. when the connection came back: the next failure waits `firstRetryMs` again. */
  resetBackoff(): void
  /** No more rounds; a pending retry is cancelled. */
  stop(): void
}

/**
 * Runs rounds of work one at a time, and after a round that left something to retry runs another after a wait
 * that doubles up to `maxRetryMs`. Each wait is jittered (between half and all of it), so the devices of a team
 * that lost the relay together do not all come back at the same instant.
 */
export function createRetryRunner({
  round,
  canRun,
  firstRetryMs,
  maxRetryMs,
  random = Math.random,
  onError,
}: RetryRunnerOptions): RetryRunner {
  let stopped = false
  let running = false
  let again = false
  let retryMs = firstRetryMs
  let retryTimer: ReturnType<typeof setTimeout> | null = null

  const run = async (): Promise<void> => {
    if (stopped || !canRun()) return
    if (running) {
      again = true
      return
    }
    if (retryTimer !== null) clearTimeout(retryTimer)
    retryTimer = null
    running = true
    let done = false
    try {
      done = await round()
    } catch (error) {
      if (!stopped) onError?.(error)
    }
    running = false
    if (stopped) return
    if (again) {
      again = false
      return run()
    }
    if (done) {
      retryMs = firstRetryMs
      return
    }
    const wait = retryMs / 2 + (random() * retryMs) / 2
    retryTimer = setTimeout(() => void run(), wait)
    retryMs = Math.min(retryMs * 2, maxRetryMs)
  }

  return {
    run: () => void run(),
    resetBackoff: () => {
      retryMs = firstRetryMs
    },
    stop: () => {
      stopped = true
      if (retryTimer !== null) clearTimeout(retryTimer)
      retryTimer = null
    },
  }
}
