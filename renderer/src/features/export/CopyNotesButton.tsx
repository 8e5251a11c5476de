import { useEffect, useState } from 'react'

interface CopyNotesButtonProps {
  readonly text: string
}

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies the release notes to the clipboard and says whether it worked. */
export function CopyNotesButton({ text }: CopyNotesButtonProps) {
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
    <div className="export-notes-copy">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy release notes
      </button>
      <span role="status" className="copy-feedback">
        {state === 'copied'
          ? 'Release notes copied'
          : state === 'failed'
            ? 'Could not copy: this page has no clipboard access. Allow it, or copy the list by hand.'
            : ''}
      </span>
    </div>
  )
}
