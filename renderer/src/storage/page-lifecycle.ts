/** The two objects whose events say the page may go away; tests pass plain EventTargets. */
export interface PageTargets {
  readonly window: EventTarget
  readonly document: EventTarget & { readonly visibilityState: DocumentVisibilityState }
}

export function browserPageTargets(): PageTargets | undefined {
  return typeof window === 'undefined' || typeof document === 'undefined' ? undefined : { window, document }
}

/**
 * Calls `leaving` whenever the page may be about to disappear: reload or close (pagehide, beforeunload)
 * and being hidden, after which mobile browsers and Electron may discard it without another event.
 * The callback must start its writes synchronously; nothing after these events is guaranteed to run.
 */
export function onPageLeave(
  leaving: () => void,
  targets: PageTargets | undefined = browserPageTargets(),
): () => void {
  if (!targets) return () => undefined
  const onVisibility = (): void => {
    if (targets.document.visibilityState === 'hidden') leaving()
  }
  targets.window.addEventListener('pagehide', leaving)
  targets.window.addEventListener('beforeunload', leaving)
  targets.document.addEventListener('visibilitychange', onVisibility)
  return () => {
    targets.window.removeEventListener('pagehide', leaving)
    targets.window.removeEventListener('beforeunload', leaving)
    targets.document.removeEventListener('visibilitychange', onVisibility)
  }
}
