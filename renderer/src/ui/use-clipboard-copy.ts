import { useCallback, useEffect, useState } from 'react'

export type CopyState = 'idle' | 'copied' | 'failed'

/** Copies text to the clipboard; the state says how the last copy went, for 2.5 s. */
export function useClipboardCopy(): readonly [CopyState, (text: string) => void] {
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])
  const copy = useCallback((text: string): void => {
    // Inside try: where there is no clipboard (a page served over plain http), even reaching it throws.
    const written = (async () => navigator.clipboard.writeText(text))()
    written.then(
      () => setState('copied'),
      () => setState('failed'),
    )
  }, [])
  return [state, copy]
}
