import { useEffect, useState } from 'react'

interface CopyButtonProps {
  readonly text: string
  /** What is copied, for the button's accessible name ("Copy course id"). */
  readonly what: string
}

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies text to the clipboard and says whether it worked; the text stays selectable for copying by hand. */
export function CopyButton({ text, what }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])

  // Inside try: where there is no clipboard (a page served over plain http), even reaching it throws.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void copy()}
        aria-label={`Copy ${what}`}
      >
        Copy
      </button>
      <span role="status" className="copy-feedback">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy; select the text instead' : ''}
      </span>
    </>
  )
}
