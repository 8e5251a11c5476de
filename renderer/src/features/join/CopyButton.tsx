import { useClipboardCopy } from '../../ui/use-clipboard-copy'

interface CopyButtonProps {
  readonly text: string
  /** What is copied, for the button's accessible name ("Copy course id"). */
  readonly what: string
}

/** Copies text to the clipboard and says whether it worked; the text stays selectable for copying by hand. */
export function CopyButton({ text, what }: CopyButtonProps) {
  const [state, copy] = useClipboardCopy()
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => copy(text)}
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
