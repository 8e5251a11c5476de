/**
 * Runs `task` when the page is idle, or after `deadlineMs` at the latest, so it never competes with a keystroke
 * or a paint. Returns a cancel function. Where the browser has no idle callbacks (Safari), it runs on the next turn.
 */
export function whenIdle(task: () => void, deadlineMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: deadlineMs })
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(task, 0)
  return () => clearTimeout(handle)
}
